using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime.Signing;
using EcsDiscoveryConstructs.Verifier.Input;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>
/// A small typed Cloud Map client (AWS JSON 1.1, SigV4 from AWSSDK.Core): pagination, bounded retries with
/// exponential backoff and full jitter on throttling and 5xx, per-call timeouts, typed errors, and a client-side
/// DiscoverInstances rate limit. Credentials and signatures never appear in messages.
/// </summary>
public sealed class CloudMapClient : ICloudMapClient, ICloudMapWriter, IDisposable
{
    private const string TargetPrefix = "Route53AutoNaming_v20170314.";
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly CloudMapClientOptions options;
    private readonly HttpClient http;
    private readonly Uri endpoint;
    private readonly Uri dataEndpoint;
    private readonly IntervalLimiter discoverLimiter;
    private readonly RegionEndpoint region;

    /// <summary>Creates the client; <paramref name="handler"/> replaces the HTTP transport (tests).</summary>
    public CloudMapClient(CloudMapClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = Timeout.InfiniteTimeSpan;
        region = RegionEndpoint.GetBySystemName(options.Region);
        // The partition's DNS suffix from AWSSDK.Core's region metadata: amazonaws.com, amazonaws.com.cn (China), ...
        var suffix = DnsSuffix(region);
        endpoint = options.EndpointUrl ?? new Uri($"https://servicediscovery.{options.Region}.{suffix}/");
        dataEndpoint = options.EndpointUrl ?? new Uri($"https://data-servicediscovery.{options.Region}.{suffix}/");
        discoverLimiter = new IntervalLimiter(options.DiscoverInstancesPerSecond);
    }

    /// <summary>The DNS suffix of <paramref name="region"/>'s partition, e.g. <c>amazonaws.com.cn</c> for China Regions.</summary>
    public static string DnsSuffix(RegionEndpoint region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix;
    }

    /// <summary>The Cloud Map API endpoint the client calls.</summary>
    public Uri Endpoint => endpoint;

    /// <summary>How many HTTP requests the client has sent, retries included.</summary>
    public int RequestCount => requestCount;

    private int requestCount;
    private bool secretsRegistered;

    /// <inheritdoc />
    public async Task<IReadOnlyList<LiveNamespace>> ListNamespacesAsync(CancellationToken cancellationToken)
        => Shaped("ListNamespaces", await PagesAsync("ListNamespaces", [], "Namespaces", cancellationToken).ConfigureAwait(false), items => items
            .Select(n => new LiveNamespace(Str(n, "Id"), Str(n, "Arn"), Str(n, "Name"), Str(n, "Type"), Long(n["Properties"]?["DnsProperties"]?["SOA"]?["TTL"]), n["Properties"]?["HttpProperties"]?["HttpName"]?.GetValue<string>()))
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
    public async Task<IReadOnlyList<DiscoveredInstance>> DiscoverInstancesAsync(string namespaceName, string serviceName, string healthStatus, CancellationToken cancellationToken)
    {
        await discoverLimiter.WaitAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["NamespaceName"] = namespaceName, ["ServiceName"] = serviceName, ["HealthStatus"] = healthStatus, ["MaxResults"] = 1000 };
        var answer = await SendAsync("DiscoverInstances", body, dataEndpoint, cancellationToken).ConfigureAwait(false);
        return Shaped("DiscoverInstances", answer, a => Items(a, "Instances", "DiscoverInstances")
            .Select(i => new DiscoveredInstance(Str(i, "InstanceId"), i["HealthStatus"]?.GetValue<string>() ?? "UNKNOWN", Attributes(i)))
            .ToList());
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
        http.Dispose();
        // Stryker disable once Statement : a disposed client refuses calls through its HTTP client either way; this only frees the limiter's handle.
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

    private async Task<List<JsonObject>> PagesAsync(string operation, JsonObject request, string member, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        await foreach (var page in PageObjectsAsync(operation, request, cancellationToken).ConfigureAwait(false))
        {
            items.AddRange(Shaped(operation, page, p => Items(p, member, operation)));
        }

        return items;
    }

    private async IAsyncEnumerable<JsonObject> PageObjectsAsync(string operation, JsonObject request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; ; page++)
        {
            if (page >= options.MaxPages)
            {
                throw new CloudMapException(operation, "PaginationLoop", $"the endpoint kept returning NextToken after {options.MaxPages} pages");
            }

            var body = (JsonObject)request.DeepClone();
            if (token is not null)
            {
                body["NextToken"] = token;
            }

            var answer = await SendAsync(operation, body, endpoint, cancellationToken).ConfigureAwait(false);
            yield return answer;
            token = answer["NextToken"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seen.Add(token))
            {
                throw new CloudMapException(operation, "PaginationLoop", "the endpoint returned the same NextToken twice");
            }
        }
    }

    private async Task<JsonObject> SendAsync(string operation, JsonObject body, Uri target, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, payload, target, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudMapException e) when (e.IsTransient && attempt < options.MaxAttempts)
            {
                var cap = Math.Min(options.MaxBackoff.TotalMilliseconds, options.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
                {
                    throw Stopped(operation, target, started.Elapsed, attempt, cancelled, cancellationToken);
                }
            }
            catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
            {
                throw Stopped(operation, target, started.Elapsed, attempt, cancelled, cancellationToken);
            }
        }
    }

    /// <summary>The caller stopped waiting (a deadline, Ctrl-C): which call, to where, after how long.</summary>
    private static OperationCanceledException Stopped(string operation, Uri target, TimeSpan waited, int attempt, OperationCanceledException inner, CancellationToken token)
        => new($"{operation} to {target.GetLeftPart(UriPartial.Authority)} was stopped after {waited.TotalSeconds:0.0} s (attempt {attempt}) without an answer: the caller's time ran out", inner, token);

    private async Task<JsonObject> SendOnceAsync(string operation, byte[] payload, Uri target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        Sign(request, payload, target);
        Interlocked.Increment(ref requestCount);

        HttpResponseMessage response;
        string text;
        try
        {
            response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CloudMapException(operation, "Timeout", $"no answer from {target.GetLeftPart(UriPartial.Authority)} within {options.CallTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new CloudMapException(operation, "ConnectionFailed", $"cannot reach {target.GetLeftPart(UriPartial.Authority)}: {e.Message}", inner: e);
        }

        using (response)
        {
            JsonObject? json;
            try
            {
                json = string.IsNullOrWhiteSpace(text) ? [] : UntrustedJson.Parse(text, operation) as JsonObject;
            }
            catch (InputException)
            {
                json = null;
            }

            if (!response.IsSuccessStatusCode)
            {
                var type = json?["__type"]?.GetValue<string>();
                if (type is null && response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
                {
                    type = values.First();
                }

                var code = type is null ? $"Http{(int)response.StatusCode}" : type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
                var message = json?["Message"]?.GetValue<string>() ?? json?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "no message";
                throw new CloudMapException(operation, code, message, response.StatusCode);
            }

            return json ?? throw new CloudMapException(operation, "MalformedResponse", $"the answer from {target.GetLeftPart(UriPartial.Authority)} is not a JSON object", response.StatusCode);
        }
    }

    private void Sign(HttpRequestMessage request, byte[] payload, Uri target)
    {
        if (!secretsRegistered)
        {
            // Whatever a server echoes back, these values never reach a message, report or log (Redactor).
            var credentials = options.Credentials.GetCredentials();
            Redactor.AddSecret(credentials.AccessKey);
            Redactor.AddSecret(credentials.SecretKey);
            Redactor.AddSecret(credentials.Token);
            // Stryker disable once Boolean : registering the same secrets again on every request changes nothing but time.
            secretsRegistered = true;
        }

        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = target, Content = payload };
        signing.Headers["content-type"] = JsonContentType.MediaType!;
        signing.Headers["host"] = target.IsDefaultPort ? target.Host : $"{target.Host}:{target.Port}";
        signing.Headers["x-amz-target"] = request.Headers.GetValues("X-Amz-Target").First();
        var result = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = options.Credentials, Region = region, Service = "servicediscovery" });
        foreach (var (name, value) in result.Headers)
        {
            if (!name.Equals("host", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-type", StringComparison.OrdinalIgnoreCase) && !name.Equals("x-amz-target", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    /// <summary>The objects of the list <paramref name="member"/> of an answer; anything but a list of objects is malformed.</summary>
    private static List<JsonObject> Items(JsonObject answer, string member, string operation)
        => UntrustedJson.Array(answer[member], operation, member).Select((item, i) => UntrustedJson.Object(item, operation, $"{member}[{i}]")!).ToList();

    /// <summary>Reads an answer with <paramref name="read"/>; an answer of another shape than the API's becomes a typed error.</summary>
    private static TResult Shaped<TSource, TResult>(string operation, TSource answer, Func<TSource, TResult> read)
    {
        try
        {
            return read(answer);
        }
        catch (InputException e)
        {
            throw new CloudMapException(operation, "MalformedResponse", $"the answer has an unexpected shape: {e.Message}", inner: e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new CloudMapException(operation, "MalformedResponse", $"the answer has an unexpected shape ({e.Message})", inner: e);
        }
    }

    private static string Str(JsonNode node, string name) => node[name]?.GetValue<string>() ?? string.Empty;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (long)d : null;

    private static Dictionary<string, string> Attributes(JsonNode instance)
        => (instance["Attributes"] as JsonObject ?? []).ToDictionary(a => a.Key, a => a.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
}
