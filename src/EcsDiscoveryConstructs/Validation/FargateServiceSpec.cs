using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the discoverable-service rules read: the props as given, the plan with every default resolved, and the Exec settings when Exec is on.</summary>
internal sealed record FargateServiceSpec(DiscoverableFargateServiceProps Props, DiscoveryPlan Plan, ExecOptions? Exec = null);
