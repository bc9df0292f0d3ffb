using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>The Cloud Map calls <c>local-deploy</c> makes to fill (and empty) a local peer.</summary>
internal interface ICloudMapWriter
{
    /// <summary>Creates a namespace (<paramref name="type"/>: PrivateDns, PublicDns or Http), waits for the operation and returns its id.</summary>
    Task<string> CreateNamespaceAsync(string type, string name, string? vpc, long? soaTtl, CancellationToken cancellationToken);

    /// <summary>Creates a service and returns its id. <paramref name="definition"/> holds DnsConfig, Type and health-check members as the API names them.</summary>
    Task<string> CreateServiceAsync(string namespaceId, string name, JsonObject definition, CancellationToken cancellationToken);

    /// <summary>Registers (or updates) an instance and waits for the operation.</summary>
    Task RegisterInstanceAsync(string serviceId, string instanceId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken);

    /// <summary>Deregisters an instance and waits for the operation.</summary>
    Task DeregisterInstanceAsync(string serviceId, string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes a service (it must have no instances).</summary>
    Task DeleteServiceAsync(string serviceId, CancellationToken cancellationToken);

    /// <summary>Deletes a namespace (it must have no services) and waits for the operation.</summary>
    Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken);
}
