namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>A namespace as ListNamespaces returns it.</summary>
public sealed record LiveNamespace(string Id, string Arn, string Name, string Type, long? SoaTtl);

/// <summary>A DNS record of a live service.</summary>
public sealed record LiveDnsRecord(string Type, long Ttl);

/// <summary>A service as ListServices returns it.</summary>
public sealed record LiveService(
    string Id,
    string Arn,
    string Name,
    string? NamespaceId,
    string? RoutingPolicy,
    IReadOnlyList<LiveDnsRecord> DnsRecords,
    bool CustomHealthCheck,
    bool Route53HealthCheck);

/// <summary>An instance as ListInstances returns it.</summary>
public sealed record LiveInstance(string Id, IReadOnlyDictionary<string, string> Attributes);

/// <summary>An instance as DiscoverInstances returns it.</summary>
public sealed record DiscoveredInstance(string InstanceId, string HealthStatus, IReadOnlyDictionary<string, string> Attributes);
