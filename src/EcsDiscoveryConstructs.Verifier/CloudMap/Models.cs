namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>A namespace as ListNamespaces returns it.</summary>
/// <param name="Id">The namespace id.</param>
/// <param name="Arn">The namespace ARN.</param>
/// <param name="Name">The namespace name.</param>
/// <param name="Type">DNS_PRIVATE, DNS_PUBLIC or HTTP.</param>
/// <param name="SoaTtl">The SOA TTL of DNS namespaces, when set.</param>
/// <param name="HttpName">The name DiscoverInstances looks the namespace up by (AWS adds a hash when a name is reused); null when not returned.</param>
internal sealed record LiveNamespace(string Id, string Arn, string Name, string Type, long? SoaTtl, string? HttpName = null)
{
    /// <summary>The name to pass to DiscoverInstances: <see cref="HttpName"/>, else <see cref="Name"/>.</summary>
    public string DiscoveryName => string.IsNullOrEmpty(HttpName) ? Name : HttpName;

    /// <summary>
    /// The account that owns the namespace (ListNamespaces <c>ResourceOwner</c>, "Fixed length of 12"); null when the
    /// answer has none (moto) or it is not 12 digits.
    /// </summary>
    public string? ResourceOwner { get; init; }

    /// <summary>
    /// How calls name <paramref name="service"/>: its ARN when the namespace is shared by another account than the one
    /// that created the service ("For services created in a shared namespace, specify the service ARN", ListInstances),
    /// else its id.
    /// </summary>
    public string KeyOf(LiveService service)
        => ResourceOwner is { } owner && Shared.NamespaceReference.Account(service.Arn.Split(':') is { Length: >= 6 } parts ? parts[4] : null) is { } creator && creator != owner ? service.Arn : service.Id;
}

/// <summary>A DNS record of a live service.</summary>
internal sealed record LiveDnsRecord(string Type, long Ttl);

/// <summary>A service as ListServices returns it.</summary>
internal sealed record LiveService(
    string Id,
    string Arn,
    string Name,
    string? NamespaceId,
    string? RoutingPolicy,
    IReadOnlyList<LiveDnsRecord> DnsRecords,
    bool CustomHealthCheck,
    bool Route53HealthCheck);

/// <summary>An instance as ListInstances returns it.</summary>
internal sealed record LiveInstance(string Id, IReadOnlyDictionary<string, string> Attributes);

/// <summary>An instance as DiscoverInstances returns it.</summary>
internal sealed record DiscoveredInstance(string InstanceId, string HealthStatus, IReadOnlyDictionary<string, string> Attributes);
