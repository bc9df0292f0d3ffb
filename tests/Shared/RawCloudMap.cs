using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// A minimal Cloud Map caller written only for the tests: it populates the peer and makes faults, independently of
/// the product's client. No retries, no pagination.
/// </summary>
public sealed class RawCloudMap(Uri endpoint) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(20) };

    public static BasicAWSCredentials Credentials { get; } = new("testing", "testing");

    public JsonObject Call(string operation, JsonObject body)
    {
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "Route53AutoNaming_v20170314." + operation);
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = payload };
        signing.Headers["content-type"] = "application/x-amz-json-1.1";
        signing.Headers["host"] = $"{endpoint.Host}:{endpoint.Port}";
        signing.Headers["x-amz-target"] = "Route53AutoNaming_v20170314." + operation;
        foreach (var (name, value) in AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = Credentials, Region = RegionEndpoint.USEast1, Service = "servicediscovery" }).Headers)
        {
            if (name is not ("host" or "content-type" or "x-amz-target"))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = http.Send(request);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{operation}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text) as JsonObject ?? [];
    }

    public string CreateNamespace(string type, string name, string? vpc, long? soaTtl)
    {
        var body = new JsonObject { ["Name"] = name };
        if (vpc is not null)
        {
            body["Vpc"] = vpc;
        }

        if (soaTtl is not null)
        {
            body["Properties"] = new JsonObject { ["DnsProperties"] = new JsonObject { ["SOA"] = new JsonObject { ["TTL"] = soaTtl } } };
        }

        var operation = Call($"Create{type}Namespace", body)["OperationId"]!.GetValue<string>();
        return Call("GetOperation", new JsonObject { ["OperationId"] = operation })["Operation"]!["Targets"]!["NAMESPACE"]!.GetValue<string>();
    }

    public JsonArray Namespaces() => Call("ListNamespaces", [])["Namespaces"]!.AsArray();

    public JsonArray Services() => Call("ListServices", [])["Services"]!.AsArray();

    public string ServiceId(string name) => Services().Single(s => s!["Name"]!.GetValue<string>() == name)!["Id"]!.GetValue<string>();

    public JsonArray Instances(string serviceName) => Call("ListInstances", new JsonObject { ["ServiceId"] = ServiceId(serviceName) })["Instances"]!.AsArray();

    public string FirstInstanceId(string serviceName) => Instances(serviceName)[0]!["Id"]!.GetValue<string>();

    public string NamespaceId(string name) => Namespaces().First(n => n!["Name"]!.GetValue<string>() == name)!["Id"]!.GetValue<string>();

    public void Dispose() => http.Dispose();
}
