using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>
/// An in-memory Cloud Map for the registry verifier: namespaces, services and instances the test writes, answered as
/// the API would (ListServices by namespace, DiscoverInstances by the namespace's discovery name), and every call
/// recorded. Fast, so checks are pinned without moto.
/// </summary>
internal sealed class FakeRegistry : ICloudMapClient, ICloudMapWriter
{
    private readonly List<LiveNamespace> namespaces = [];
    private readonly List<LiveService> services = [];
    private readonly Dictionary<string, List<(LiveInstance Instance, string Health)>> instances = [];

    public System.Collections.Concurrent.ConcurrentQueue<string> Calls { get; } = new();

    public LiveNamespace Namespace(string name, string type = "DNS_PRIVATE", long? soaTtl = 15, string? id = null, string? httpName = null, string? owner = null)
    {
        id ??= $"ns-{namespaces.Count + 1}";
        var ns = new LiveNamespace(id, $"arn:aws:servicediscovery:us-east-1:{owner ?? "123456789012"}:namespace/{id}", name, type, soaTtl, httpName) { ResourceOwner = owner };
        namespaces.Add(ns);
        return ns;
    }

    public LiveService Service(LiveNamespace ns, string name, string? id = null, string? routing = "MULTIVALUE", long ttl = 10, bool custom = true, bool apiOnly = false, string account = "123456789012", params string[] types)
    {
        id ??= $"srv-{services.Count + 1}";
        var records = (apiOnly ? [] : types.Length == 0 && ns.Type != "HTTP" ? ["A"] : types).Select(t => new LiveDnsRecord(t, ttl)).ToList();
        var service = new LiveService(id, $"arn:aws:servicediscovery:us-east-1:{account}:service/{id}", name, ns.Id, records.Count == 0 ? null : routing, records, custom, false);
        services.Add(service);
        instances[id] = [];
        return service;
    }

    public void Instance(LiveService service, string id, string ipv4, string health = "HEALTHY", string? ecsService = null, string? ecsCluster = null)
    {
        var attributes = new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = ipv4 };
        if (ecsService is not null)
        {
            attributes["ECS_SERVICE_NAME"] = ecsService;
        }

        if (ecsCluster is not null)
        {
            attributes["ECS_CLUSTER_NAME"] = ecsCluster;
        }

        instances[service.Id].Add((new LiveInstance(id, attributes), health));
    }

    public Task<IReadOnlyList<LiveNamespace>> ListNamespacesAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("ListNamespaces");
        return Task.FromResult<IReadOnlyList<LiveNamespace>>([.. namespaces]);
    }

    public Task<IReadOnlyList<LiveService>> ListServicesAsync(string namespaceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"ListServices {namespaceId}");
        return Task.FromResult<IReadOnlyList<LiveService>>([.. services.Where(s => s.NamespaceId == namespaceId)]);
    }

    /// <summary>How long each ListInstances takes (zero: answers at once).</summary>
    public TimeSpan ListInstancesDelay { get; set; }

    /// <summary>The most ListInstances calls that were in flight at once.</summary>
    public int MaxListInstancesInFlight => maxInFlight;

    private int inFlight;
    private int maxInFlight;

    public async Task<IReadOnlyList<LiveInstance>> ListInstancesAsync(string serviceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"ListInstances {serviceId}");
        serviceId = services.FirstOrDefault(s => s.Arn == serviceId)?.Id ?? serviceId;
        var now = Interlocked.Increment(ref inFlight);
        lock (Calls)
        {
            maxInFlight = Math.Max(maxInFlight, now);
        }

        try
        {
            if (ListInstancesDelay > TimeSpan.Zero)
            {
                await Task.Delay(ListInstancesDelay, cancellationToken);
            }

            return [.. instances[serviceId].Select(i => i.Instance)];
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public Task<IReadOnlyList<DiscoveredInstance>> DiscoverInstancesAsync(string namespaceName, string serviceName, string healthStatus, string? ownerAccount, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"DiscoverInstances {namespaceName} {serviceName} {healthStatus}" + (ownerAccount is null ? string.Empty : $" owner {ownerAccount}"));

        var ns = namespaces.Where(n => n.DiscoveryName == namespaceName).Select(n => n.Id).ToHashSet();
        var service = services.FirstOrDefault(s => s.Name == serviceName && ns.Contains(s.NamespaceId!));
        return Task.FromResult<IReadOnlyList<DiscoveredInstance>>(service is null ? [] : [.. instances[service.Id].Select(i => new DiscoveredInstance(i.Instance.Id, i.Health, i.Instance.Attributes))]);
    }

    /// <summary>Service attributes by service id; a service absent here has none.</summary>
    public Dictionary<string, Dictionary<string, string>> ServiceAttributes { get; } = [];

    /// <summary>When set, GetServiceAttributes fails with this error code (as a peer that refuses or lacks it).</summary>
    public string? ServiceAttributesError { get; set; }

    public Task<IReadOnlyDictionary<string, string>> GetServiceAttributesAsync(string serviceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"GetServiceAttributes {serviceId}");
        if (ServiceAttributesError is { } code)
        {
            throw new CloudMapException("GetServiceAttributes", code, "refused");
        }

        var id = services.FirstOrDefault(s => s.Arn == serviceId)?.Id ?? serviceId;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(ServiceAttributes.GetValueOrDefault(id) ?? []);
    }

    public IReadOnlyList<LiveNamespace> Namespaces => namespaces;

    public IReadOnlyList<LiveService> Services => services;

    public IReadOnlyList<LiveInstance> InstancesOf(string serviceId) => [.. instances[serviceId].Select(i => i.Instance)];

    public Task<string> CreateNamespaceAsync(string type, string name, string? vpc, long? soaTtl, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"Create{type}Namespace {name}");
        var apiType = type switch { "PrivateDns" => "DNS_PRIVATE", "PublicDns" => "DNS_PUBLIC", "Http" => "HTTP", _ => throw new ArgumentException(type, nameof(type)) };
        return Task.FromResult(Namespace(name, apiType, type == "Http" ? null : soaTtl).Id);
    }

    public Task<string> CreateServiceAsync(string namespaceId, string name, JsonObject definition, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"CreateService {namespaceId} {name}");
        var ns = namespaces.Single(n => n.Id == namespaceId);
        var dns = definition["DnsConfig"];
        var records = dns?["DnsRecords"]?.AsArray().Select(r => r!["Type"]!.GetValue<string>()).ToArray() ?? [];
        var ttl = dns?["DnsRecords"]?.AsArray().FirstOrDefault()?["TTL"]?.GetValue<long>() ?? 0;
        var id = $"srv-{services.Count + 1}";
        var service = new LiveService(id, $"arn:aws:servicediscovery:us-east-1:123456789012:service/{id}", name, ns.Id, dns?["RoutingPolicy"]?.GetValue<string>(), [.. records.Select(t => new LiveDnsRecord(t, ttl))], definition["HealthCheckCustomConfig"] is not null, definition["HealthCheckConfig"] is not null);
        services.Add(service);
        instances[id] = [];
        return Task.FromResult(id);
    }

    public Task RegisterInstanceAsync(string serviceId, string instanceId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"RegisterInstance {serviceId} {instanceId}");
        instances[serviceId].RemoveAll(i => i.Instance.Id == instanceId);
        instances[serviceId].Add((new LiveInstance(instanceId, attributes), attributes.GetValueOrDefault("AWS_INIT_HEALTH_STATUS", "HEALTHY")));
        return Task.CompletedTask;
    }

    public Task DeregisterInstanceAsync(string serviceId, string instanceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"DeregisterInstance {serviceId} {instanceId}");
        instances[serviceId].RemoveAll(i => i.Instance.Id == instanceId);
        return Task.CompletedTask;
    }

    public Task DeleteServiceAsync(string serviceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"DeleteService {serviceId}");
        Assert.Empty(instances[serviceId]); // AWS refuses to delete a service with instances
        services.RemoveAll(s => s.Id == serviceId);
        return Task.CompletedTask;
    }

    public Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"DeleteNamespace {namespaceId}");
        Assert.DoesNotContain(services, s => s.NamespaceId == namespaceId); // AWS refuses to delete a namespace with services
        namespaces.RemoveAll(n => n.Id == namespaceId);
        return Task.CompletedTask;
    }

    /// <summary>An expected private DNS namespace.</summary>
    public static ExpectedNamespace Expected(string name, NamespaceKind kind = NamespaceKind.PrivateDns, long? soaTtl = 15, string logicalId = "Ns")
        => new("Shop", logicalId, new TemplateValue(name, null), kind, soaTtl);

    /// <summary>An expected A service with custom health, registered by ECS service <paramref name="name"/>.</summary>
    public static ExpectedService Expected(ExpectedNamespace ns, string name, int count = 1, string? source = null)
        => new("Shop", source ?? $"{name}Svc", new TemplateValue(name, null), ns, ns.Kind == NamespaceKind.Http ? [] : [new DnsRecordInfo("A", 10)], ns.Kind == NamespaceKind.Http ? null : "MULTIVALUE", HealthCheckKind.Custom, count, count, [new TemplateValue(name, null)], false);
}
