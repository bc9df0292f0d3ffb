using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the discoverable-service rules read: the props as given and the plan with every default resolved.</summary>
internal sealed record FargateServiceSpec(DiscoverableFargateServiceProps Props, DiscoveryPlan Plan);
