namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>Service Connect proxy access logs, written through the Service Connect <c>LogDriver</c>.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectAccessLogConfiguration.html</remarks>
public sealed class ServiceConnectAccessLogs
{
    /// <summary>Write each access log line as JSON instead of text.</summary>
    /// <value>Default: false (TEXT).</value>
    public bool Json { get; init; }

    /// <summary>Include request query strings in the logs (they may carry tokens: off unless needed).</summary>
    /// <value>Default: false.</value>
    public bool IncludeQueryParameters { get; init; }
}
