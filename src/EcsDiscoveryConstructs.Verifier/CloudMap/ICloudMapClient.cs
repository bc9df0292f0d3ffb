namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>The Cloud Map calls the verifier makes. AWSSDK.ServiceDiscovery could implement it later.</summary>
internal interface ICloudMapClient
{
    /// <summary>Every namespace in the Region (all pages).</summary>
    Task<IReadOnlyList<LiveNamespace>> ListNamespacesAsync(CancellationToken cancellationToken);

    /// <summary>Every service of one namespace (all pages).</summary>
    Task<IReadOnlyList<LiveService>> ListServicesAsync(string namespaceId, CancellationToken cancellationToken);

    /// <summary>Every instance of one service (all pages).</summary>
    Task<IReadOnlyList<LiveInstance>> ListInstancesAsync(string serviceId, CancellationToken cancellationToken);

    /// <summary>
    /// DiscoverInstances with <paramref name="healthStatus"/> (HEALTHY, UNHEALTHY, ALL, HEALTHY_OR_ELSE_ALL), up to 1,000
    /// instances; <paramref name="ownerAccount"/> is the namespace's <c>ResourceOwner</c>, which AWS requires for a
    /// namespace another account shared (null: not sent).
    /// </summary>
    Task<IReadOnlyList<DiscoveredInstance>> DiscoverInstancesAsync(string namespaceName, string serviceName, string healthStatus, string? ownerAccount, CancellationToken cancellationToken);

    /// <summary>GetServiceAttributes: the service-level attributes of <paramref name="serviceId"/> (an id, or the ARN for a service in a shared namespace).</summary>
    Task<IReadOnlyDictionary<string, string>> GetServiceAttributesAsync(string serviceId, CancellationToken cancellationToken);
}
