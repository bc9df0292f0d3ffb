using EcsDiscoveryConstructs.Verifier.Aws;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>Settings of <see cref="CloudMapClient"/>: those of every client, and the DiscoverInstances rate limit.</summary>
/// <remarks>A custom <see cref="AwsClientOptions.EndpointUrl"/> (e.g. a local Cloud Map peer) also takes DiscoverInstances: the <c>data-</c> host prefix is then never added.</remarks>
internal sealed class CloudMapClientOptions : AwsClientOptions
{
    /// <summary>Client-side limit on DiscoverInstances calls per second, far below the 1,000/s account quota.</summary>
    /// <value>Default: 50.</value>
    public double DiscoverInstancesPerSecond { get; init; } = 50;
}
