using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the wiring rules read: the two services and the variable prefix.</summary>
internal sealed record ConnectionSpec(DiscoverableFargateService Source, DiscoverableFargateService Target, string Prefix);
