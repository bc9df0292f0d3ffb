using Amazon.Runtime;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>Settings of <see cref="CloudMapClient"/>.</summary>
public sealed class CloudMapClientOptions
{
    /// <summary>The Region, e.g. <c>us-east-1</c>; also the SigV4 signing region.</summary>
    public required string Region { get; init; }

    /// <summary>The credentials requests are signed with.</summary>
    public required AWSCredentials Credentials { get; init; }

    /// <summary>A custom endpoint (e.g. a local Cloud Map peer). The <c>data-</c> host prefix is then never added.</summary>
    /// <value>Default: <c>https://servicediscovery.{region}.amazonaws.com</c>.</value>
    public Uri? EndpointUrl { get; init; }

    /// <summary>Attempts per call, including the first; retried on throttling, 5xx, timeouts and connection failures.</summary>
    /// <value>Default: 4.</value>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first backoff; each retry doubles it, with full jitter, capped at <see cref="MaxBackoff"/>.</summary>
    /// <value>Default: 200 ms.</value>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest backoff between attempts.</summary>
    /// <value>Default: 5 s.</value>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one HTTP attempt may take.</summary>
    /// <value>Default: 10 s.</value>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Client-side limit on DiscoverInstances calls per second, far below the 1,000/s account quota.</summary>
    /// <value>Default: 50.</value>
    public double DiscoverInstancesPerSecond { get; init; } = 50;

    /// <summary>Most pages read from one listing before giving up (a server that never stops paging).</summary>
    /// <value>Default: 1,000.</value>
    public int MaxPages { get; init; } = 1000;
}
