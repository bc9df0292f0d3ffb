using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>A Cloud Map peer whose every read fails with <paramref name="failure"/>.</summary>
internal sealed class FailingRegistry(Exception failure) : ICloudMapClient
{
    public Task<IReadOnlyList<LiveNamespace>> ListNamespacesAsync(CancellationToken cancellationToken) => Task.FromException<IReadOnlyList<LiveNamespace>>(failure);

    public Task<IReadOnlyList<LiveService>> ListServicesAsync(string namespaceId, CancellationToken cancellationToken) => Task.FromException<IReadOnlyList<LiveService>>(failure);

    public Task<IReadOnlyList<LiveInstance>> ListInstancesAsync(string serviceId, CancellationToken cancellationToken) => Task.FromException<IReadOnlyList<LiveInstance>>(failure);

    public Task<IReadOnlyList<DiscoveredInstance>> DiscoverInstancesAsync(string namespaceName, string serviceName, string healthStatus, string? ownerAccount, CancellationToken cancellationToken) => Task.FromException<IReadOnlyList<DiscoveredInstance>>(failure);

    public Task<IReadOnlyDictionary<string, string>> GetServiceAttributesAsync(string serviceId, CancellationToken cancellationToken) => Task.FromException<IReadOnlyDictionary<string, string>>(failure);
}
