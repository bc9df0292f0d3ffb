using Amazon.Runtime;

namespace EcsDiscoveryConstructs.Verifier.Aws;

/// <summary>Settings every AWS API client of the verifier takes: where, as whom, and how hard to try.</summary>
internal class AwsClientOptions
{
    /// <summary>The Region, e.g. <c>us-east-1</c>; also the SigV4 signing region.</summary>
    public required string Region { get; init; }

    /// <summary>The credentials requests are signed with.</summary>
    public required AWSCredentials Credentials { get; init; }

    /// <summary>A custom endpoint (e.g. a local peer).</summary>
    /// <value>Default: the service's endpoint in the Region's partition, e.g. <c>https://ecs.us-east-1.amazonaws.com</c>.</value>
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

    /// <summary>Most pages read from one listing before giving up (a server that never stops paging).</summary>
    /// <value>Default: 1,000.</value>
    public int MaxPages { get; init; } = 1000;
}
