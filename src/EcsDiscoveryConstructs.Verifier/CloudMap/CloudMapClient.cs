using System.Text.Json.Nodes;
using Amazon;
using EcsDiscoveryConstructs.Verifier.Aws;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>
/// A small typed Cloud Map client over the verifier's AWS JSON 1.1 transport (SigV4, pagination, bounded retries with
/// exponential backoff and full jitter on throttling and 5xx, per-call timeouts, typed errors) with a client-side
/// DiscoverInstances rate limit. Credentials and signatures never appear in messages.
/// </summary>
internal sealed class CloudMapClient : ICloudMapClient, ICloudMapWriter, IDisposable
{
    private const string TargetPrefix = "Route53AutoNaming_v20170314.";

    private readonly AwsJsonTransport transport;
    private readonly Uri endpoint;
    private readonly Uri dataEndpoint;
    private readonly IntervalLimiter discoverLimiter;

    /// <summary>Creates the client; <paramref name="handler"/> replaces the HTTP transport (tests).</summary>
    public CloudMapClient(CloudMapClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        transport = new AwsJsonTransport(options, "servicediscovery", TargetPrefix, (operation, code, message, status, inner) => new CloudMapException(operation, code, message, status, inner), handler);
        endpoint = transport.Endpoint("servicediscovery");
        dataEndpoint = transport.Endpoint("data-servicediscovery");
        discoverLimiter = new IntervalLimiter(options.DiscoverInstancesPerSecond);
    }

    /// <summary>The DNS suffix of <paramref name="region"/>'s partition, e.g. <c>amazonaws.com.cn</c> for China Regions.</summary>
    public static string DnsSuffix(RegionEndpoint region) => AwsJsonTransport.DnsSuffix(region);

    /// <summary>The Cloud Map API endpoint the client calls.</summary>
    public Uri Endpoint => endpoint;

    /// <summary>How many HTTP requests the client has sent, retries included.</summary>
    public int RequestCount => transport.RequestCount;

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveNamespace>> ListNamespacesAsync(CancellationToken cancellationToken)
        => Shaped("ListNamespaces", await PagesAsync("ListNamespaces", [], "Namespaces", cancellationToken).ConfigureAwait(false), items => items
            .Select(n => new LiveNamespace(Str(n, "Id"), Str(n, "Arn"), Str(n, "Name"), Str(n, "Type"), Long(n["Properties"]?["DnsProperties"]?["SOA"]?["TTL"]), n["Properties"]?["HttpProperties"]?["HttpName"]?.GetValue<string>()) { ResourceOwner = Shared.NamespaceReference.Account(n["ResourceOwner"]?.GetValue<string>()) })
            .ToList());

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveService>> ListServicesAsync(string namespaceId, CancellationToken cancellationToken)
    {
        var filter = new JsonObject
        {
            ["Filters"] = new JsonArray(new JsonObject { ["Name"] = "NAMESPACE_ID", ["Values"] = new JsonArray(namespaceId), ["Condition"] = "EQ" }),
        };
        var services = await PagesAsync("ListServices", filter, "Services", cancellationToken).ConfigureAwait(false);

        // AWS applies the NAMESPACE_ID filter; moto ignores it, so the services are filtered here as well (harmless
        // on AWS; docs/moto-differences.md). A service that names no namespace is kept.
        return Shaped("ListServices", services, items => items.Select(s =>
        {
            var dns = s["DnsConfig"];
            return new LiveService(
                Str(s, "Id"),
                Str(s, "Arn"),
                Str(s, "Name"),
                s["NamespaceId"]?.GetValue<string>() ?? dns?["NamespaceId"]?.GetValue<string>(),
                dns?["RoutingPolicy"]?.GetValue<string>(),
                dns?["DnsRecords"]?.AsArray().OfType<JsonObject>().Select(r => new LiveDnsRecord(Str(r, "Type"), Long(r["TTL"]) ?? 0)).ToList() ?? [],
                s["HealthCheckCustomConfig"] is JsonObject,
                s["HealthCheckConfig"] is JsonObject);
        }).Where(s => s.NamespaceId is null || s.NamespaceId == namespaceId).ToList());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveInstance>> ListInstancesAsync(string serviceId, CancellationToken cancellationToken)
        => Shaped("ListInstances", await PagesAsync("ListInstances", new JsonObject { ["ServiceId"] = serviceId }, "Instances", cancellationToken).ConfigureAwait(false), items => items
            .Select(i => new LiveInstance(Str(i, "Id"), Attributes(i)))
            .ToList());

    /// <inheritdoc />
    public async Task<IReadOnlyList<DiscoveredInstance>> DiscoverInstancesAsync(string namespaceName, string serviceName, string healthStatus, string? ownerAccount, CancellationToken cancellationToken)
    {
        await discoverLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["NamespaceName"] = namespaceName, ["ServiceName"] = serviceName, ["HealthStatus"] = healthStatus, ["MaxResults"] = 1000 };
        if (ownerAccount is not null)
        {
            body["OwnerAccount"] = ownerAccount;
        }

        var answer = await SendAsync("DiscoverInstances", body, dataEndpoint, cancellationToken).ConfigureAwait(false);
        return Shaped("DiscoverInstances", answer, a => Items(a, "Instances", "DiscoverInstances")
            .Select(i => new DiscoveredInstance(Str(i, "InstanceId"), i["HealthStatus"]?.GetValue<string>() ?? "UNKNOWN", Attributes(i)))
            .ToList());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> GetServiceAttributesAsync(string serviceId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("GetServiceAttributes", new JsonObject { ["ServiceId"] = serviceId }, endpoint, cancellationToken).ConfigureAwait(false);
        return Shaped("GetServiceAttributes", answer, a => Attributes(a["ServiceAttributes"] ?? new JsonObject()));
    }

    /// <inheritdoc />
    public async Task<string> CreateNamespaceAsync(string type, string name, string? vpc, long? soaTtl, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["Name"] = name, ["CreatorRequestId"] = Guid.NewGuid().ToString() };
        if (vpc is not null)
        {
            body["Vpc"] = vpc;
        }

        if (soaTtl is not null)
        {
            body["Properties"] = new JsonObject { ["DnsProperties"] = new JsonObject { ["SOA"] = new JsonObject { ["TTL"] = soaTtl } } };
        }

        var operation = await OperationAsync($"Create{type}Namespace", body, cancellationToken).ConfigureAwait(false);
        return operation["Targets"]?["NAMESPACE"]?.GetValue<string>()
            ?? throw new CloudMapException($"Create{type}Namespace", "MalformedResponse", "the finished operation names no namespace");
    }

    /// <inheritdoc />
    public async Task<string> CreateServiceAsync(string namespaceId, string name, JsonObject definition, CancellationToken cancellationToken)
    {
        var body = (JsonObject)definition.DeepClone();
        body["Name"] = name;
        body["NamespaceId"] = namespaceId;
        body["CreatorRequestId"] = Guid.NewGuid().ToString();
        var answer = await SendAsync("CreateService", body, endpoint, cancellationToken).ConfigureAwait(false);
        return answer["Service"]?["Id"]?.GetValue<string>() ?? throw new CloudMapException("CreateService", "MalformedResponse", "the answer names no service id");
    }

    /// <inheritdoc />
    public Task RegisterInstanceAsync(string serviceId, string instanceId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
        => OperationAsync("RegisterInstance", new JsonObject
        {
            ["ServiceId"] = serviceId,
            ["InstanceId"] = instanceId,
            ["CreatorRequestId"] = Guid.NewGuid().ToString(),
            ["Attributes"] = new JsonObject(attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
        }, cancellationToken);

    /// <inheritdoc />
    public Task DeregisterInstanceAsync(string serviceId, string instanceId, CancellationToken cancellationToken)
        => OperationAsync("DeregisterInstance", new JsonObject { ["ServiceId"] = serviceId, ["InstanceId"] = instanceId }, cancellationToken);

    /// <inheritdoc />
    public Task DeleteServiceAsync(string serviceId, CancellationToken cancellationToken)
        => SendAsync("DeleteService", new JsonObject { ["Id"] = serviceId }, endpoint, cancellationToken);

    /// <inheritdoc />
    public Task DeleteNamespaceAsync(string namespaceId, CancellationToken cancellationToken)
        => OperationAsync("DeleteNamespace", new JsonObject { ["Id"] = namespaceId }, cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        transport.Dispose();
        discoverLimiter.Dispose();
    }

    /// <summary>Starts an asynchronous operation and polls GetOperation (bounded) until it succeeds; a FAIL becomes an error.</summary>
    private async Task<JsonObject> OperationAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var started = await SendAsync(operation, body, endpoint, cancellationToken).ConfigureAwait(false);
        var id = started["OperationId"]?.GetValue<string>() ?? started["operationId"]?.GetValue<string>()
            ?? throw new CloudMapException(operation, "MalformedResponse", "the answer has no OperationId");
        for (var poll = 0; poll < OperationPolls; poll++)
        {
            var state = (await SendAsync("GetOperation", new JsonObject { ["OperationId"] = id }, endpoint, cancellationToken).ConfigureAwait(false))["Operation"] as JsonObject
                ?? throw new CloudMapException("GetOperation", "MalformedResponse", "the answer has no Operation");
            switch (state["Status"]?.GetValue<string>())
            {
                case "SUCCESS":
                    return state;
                case "FAIL":
                    throw new CloudMapException(operation, state["ErrorCode"]?.GetValue<string>() ?? "OperationFailed", state["ErrorMessage"]?.GetValue<string>() ?? "the operation failed");
                default:
                    await Task.Delay(OperationPollInterval, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        throw new CloudMapException(operation, "Timeout", $"operation {id} did not finish within {OperationPolls * OperationPollInterval.TotalSeconds:0} s");
    }

    private const int OperationPolls = 240;

    private static readonly TimeSpan OperationPollInterval = TimeSpan.FromMilliseconds(500);

    private Task<List<JsonObject>> PagesAsync(string operation, JsonObject request, string member, CancellationToken cancellationToken)
        => transport.PagesAsync(operation, request, member, "NextToken", endpoint, cancellationToken);

    private Task<JsonObject> SendAsync(string operation, JsonObject body, Uri target, CancellationToken cancellationToken)
        => transport.SendAsync(operation, body, target, cancellationToken);

    private static List<JsonObject> Items(JsonObject answer, string member, string operation) => AwsJsonTransport.Items(answer, member, operation);

    private TResult Shaped<TSource, TResult>(string operation, TSource answer, Func<TSource, TResult> read) => transport.Shaped(operation, answer, read);

    private static string Str(JsonNode node, string name) => node[name]?.GetValue<string>() ?? string.Empty;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (long)d : null;

    private static Dictionary<string, string> Attributes(JsonNode instance)
        => (instance["Attributes"] as JsonObject ?? []).ToDictionary(a => a.Key, a => a.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
}
