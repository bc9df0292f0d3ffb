using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks;

/// <summary>What the registry check saw of one expected service: the DNS checks compare DNS answers with it.</summary>
/// <param name="Service">The expected service.</param>
/// <param name="Namespace">The live namespace it was looked up in.</param>
/// <param name="Live">The live service; null when it does not exist.</param>
/// <param name="Instances">Its registered instances.</param>
/// <param name="Healthy">The ids of instances Route 53 treats as healthy (all of them when the service has no health check).</param>
internal sealed record ServiceObservation(ExpectedService Service, LiveNamespace Namespace, LiveService? Live, IReadOnlyList<LiveInstance> Instances, IReadOnlySet<string> Healthy)
{
    /// <summary>What ECS says of the services registering here (the cause a failing check of the service carries), or null when ECS was not read.</summary>
    public string? EcsCause { get; init; }
}
