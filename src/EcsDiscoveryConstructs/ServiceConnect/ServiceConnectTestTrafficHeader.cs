namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>
/// During a blue/green, linear or canary deployment, the requests Service Connect sends to the new revision as test
/// traffic: those carrying this header (with this exact value, when one is given). HTTP protocols only.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectTestTrafficRules.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-blue-green.html
/// </remarks>
public sealed class ServiceConnectTestTrafficHeader
{
    /// <summary>The header name: an HTTP field name (RFC 9110 token: letters, digits and <c>!#$%&amp;'*+-.^_`|~</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The exact value the header must have: an HTTP field value (RFC 9110: visible ASCII characters, spaces and tabs inside).</summary>
    /// <value>Default: any value (the header's presence is enough).</value>
    public string? ExactValue { get; init; }
}
