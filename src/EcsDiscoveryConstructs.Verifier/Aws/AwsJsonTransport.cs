using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Aws;

/// <summary>
/// The AWS JSON 1.1 protocol of the verifier's Cloud Map and ECS clients, over <see cref="AwsTransport"/>: a POST of the
/// request's JSON with <c>X-Amz-Target: {prefix}{operation}</c>; errors from <c>__type</c> (or <c>x-amzn-ErrorType</c>)
/// and <c>message</c>; pagination by a next-token member; answers read as untrusted JSON.
/// </summary>
internal sealed class AwsJsonTransport : IDisposable
{
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly AwsTransport transport;
    private readonly string targetPrefix;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Region, credentials, retries, timeouts.</param>
    /// <param name="signingService">The SigV4 service name, e.g. <c>servicediscovery</c>, <c>ecs</c>.</param>
    /// <param name="targetPrefix">The <c>X-Amz-Target</c> prefix, e.g. <c>AmazonEC2ContainerServiceV20141113.</c>.</param>
    /// <param name="error">Makes the client's exception from (operation, code, message, status, cause).</param>
    /// <param name="handler">Replaces the HTTP transport (tests).</param>
    public AwsJsonTransport(AwsClientOptions options, string signingService, string targetPrefix, Func<string, string, string, HttpStatusCode?, Exception?, AwsApiException> error, HttpMessageHandler? handler)
    {
        transport = new AwsTransport(options, signingService, error, handler);
        this.targetPrefix = targetPrefix;
    }

    /// <summary>How many HTTP requests were sent, retries included.</summary>
    public int RequestCount => transport.RequestCount;

    /// <summary>The service's endpoint in the Region's partition, or the options' custom one.</summary>
    public Uri Endpoint(string hostPrefix) => transport.Endpoint(hostPrefix);

    /// <summary>The DNS suffix of <paramref name="region"/>'s partition, e.g. <c>amazonaws.com.cn</c> for China Regions.</summary>
    public static string DnsSuffix(RegionEndpoint region) => AwsTransport.DnsSuffix(region);

    /// <summary>The objects of every page's list <paramref name="member"/>, following <paramref name="tokenMember"/>.</summary>
    public async Task<List<JsonObject>> PagesAsync(string operation, JsonObject request, string member, string tokenMember, Uri target, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        await foreach (var page in PageObjectsAsync(operation, request, tokenMember, target, cancellationToken).ConfigureAwait(false))
        {
            items.AddRange(Shaped(operation, page, p => Items(p, member, operation)));
        }

        return items;
    }

    /// <summary>Every page of a listing, following <paramref name="tokenMember"/>; a server that never stops or repeats a token fails.</summary>
    public IAsyncEnumerable<JsonObject> PageObjectsAsync(string operation, JsonObject request, string tokenMember, Uri target, CancellationToken cancellationToken)
        => transport.PagesAsync(
            operation,
            tokenMember,
            token =>
            {
                var body = (JsonObject)request.DeepClone();
                if (token is not null)
                {
                    body[tokenMember] = token;
                }

                return SendAsync(operation, body, target, cancellationToken);
            },
            answer => Shaped(operation, answer, a => UntrustedJson.String(a[tokenMember], operation, tokenMember)));

    /// <summary>Sends one call, retried while the failure is transient.</summary>
    public async Task<JsonObject> SendAsync(string operation, JsonObject body, Uri target, CancellationToken cancellationToken)
    {
        var request = new AwsRequestBody(Encoding.UTF8.GetBytes(body.ToJsonString()), ContentType, [("X-Amz-Target", targetPrefix + operation)]);
        var text = await transport.SendAsync(operation, request, Failure, target, cancellationToken).ConfigureAwait(false);
        JsonObject? json;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? [] : UntrustedJson.Parse(text, operation) as JsonObject;
        }
        catch (InputException)
        {
            json = null;
        }

        return json ?? throw transport.Error(operation, "MalformedResponse", $"the answer from {target.GetLeftPart(UriPartial.Authority)} is not a JSON object", HttpStatusCode.OK);
    }

    /// <summary>The objects of the list <paramref name="member"/> of an answer; anything but a list of objects is malformed.</summary>
    public static List<JsonObject> Items(JsonObject answer, string member, string operation)
        => UntrustedJson.Array(answer[member], operation, member).Select((item, i) => UntrustedJson.Object(item, operation, $"{member}[{i}]")!).ToList();

    /// <summary>Reads an answer with <paramref name="read"/>; an answer of another shape than the API's becomes the client's typed error.</summary>
    public TResult Shaped<TSource, TResult>(string operation, TSource answer, Func<TSource, TResult> read) => transport.Shaped(operation, answer, read);

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <summary>The JSON protocol's error: <c>__type</c> (its last part) or the <c>x-amzn-ErrorType</c> header, and <c>message</c>.</summary>
    private static (string? Code, string? Message) Failure(HttpStatusCode status, string text, System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        JsonObject? json;
        try
        {
            json = string.IsNullOrWhiteSpace(text) ? null : UntrustedJson.Parse(text, "error") as JsonObject;
        }
        catch (InputException)
        {
            json = null;
        }

        var type = json?["__type"] is JsonValue t && t.TryGetValue<string>(out var typed) ? typed : null;
        if (type is null && headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            type = values.First();
        }

        var code = type is null ? null : type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
        var message = (json?["Message"] ?? json?["message"]) is JsonValue m && m.TryGetValue<string>(out var said) ? said : null;
        return (code, message);
    }
}
