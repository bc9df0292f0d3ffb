using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime.Signing;
using EcsDiscoveryConstructs.Verifier.Input;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.Aws;

/// <summary>
/// The AWS JSON 1.1 protocol shared by the verifier's clients (Cloud Map, ECS): a POST of the request's JSON with
/// <c>X-Amz-Target: {prefix}{operation}</c>, signed with SigV4 (AWSSDK.Core); bounded retries with exponential backoff
/// and full jitter on throttling, 5xx, timeouts and connection failures; a timeout per attempt; pagination by a next-token
/// member with loop and page-count guards; answers read as untrusted JSON; errors typed by the client's own exception.
/// Credentials and signatures never appear in messages.
/// </summary>
internal sealed class AwsJsonTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly AwsClientOptions options;
    private readonly string signingService;
    private readonly string targetPrefix;
    private readonly Func<string, string, string, HttpStatusCode?, Exception?, AwsApiException> error;
    private readonly HttpClient http;
    private readonly RegionEndpoint region;
    private int requestCount;
    private bool secretsRegistered;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Region, credentials, retries, timeouts.</param>
    /// <param name="signingService">The SigV4 service name, e.g. <c>servicediscovery</c>, <c>ecs</c>.</param>
    /// <param name="targetPrefix">The <c>X-Amz-Target</c> prefix, e.g. <c>AmazonEC2ContainerServiceV20141113.</c>.</param>
    /// <param name="error">Makes the client's exception from (operation, code, message, status, cause).</param>
    /// <param name="handler">Replaces the HTTP transport (tests).</param>
    public AwsJsonTransport(AwsClientOptions options, string signingService, string targetPrefix, Func<string, string, string, HttpStatusCode?, Exception?, AwsApiException> error, HttpMessageHandler? handler)
    {
        this.options = options;
        this.signingService = signingService;
        this.targetPrefix = targetPrefix;
        this.error = error;
        http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.Timeout = Timeout.InfiniteTimeSpan;
        region = RegionEndpoint.GetBySystemName(options.Region);
    }

    /// <summary>How many HTTP requests were sent, retries included.</summary>
    public int RequestCount => requestCount;

    /// <summary>The service's endpoint in the Region's partition, or the options' custom one.</summary>
    public Uri Endpoint(string hostPrefix) => options.EndpointUrl ?? new Uri($"https://{hostPrefix}.{options.Region}.{DnsSuffix(region)}/");

    /// <summary>The DNS suffix of <paramref name="region"/>'s partition, e.g. <c>amazonaws.com.cn</c> for China Regions.</summary>
    public static string DnsSuffix(RegionEndpoint region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return string.IsNullOrEmpty(region.PartitionDnsSuffix) ? "amazonaws.com" : region.PartitionDnsSuffix;
    }

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
    public async IAsyncEnumerable<JsonObject> PageObjectsAsync(string operation, JsonObject request, string tokenMember, Uri target, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; ; page++)
        {
            if (page >= options.MaxPages)
            {
                throw error(operation, "PaginationLoop", $"the endpoint kept returning {tokenMember} after {options.MaxPages} pages", null, null);
            }

            var body = (JsonObject)request.DeepClone();
            if (token is not null)
            {
                body[tokenMember] = token;
            }

            var answer = await SendAsync(operation, body, target, cancellationToken).ConfigureAwait(false);
            yield return answer;
            token = Shaped(operation, answer, a => UntrustedJson.String(a[tokenMember], operation, tokenMember));
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seen.Add(token))
            {
                throw error(operation, "PaginationLoop", $"the endpoint returned the same {tokenMember} twice", null, null);
            }
        }
    }

    /// <summary>Sends one call, retried while the failure is transient.</summary>
    public async Task<JsonObject> SendAsync(string operation, JsonObject body, Uri target, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, payload, target, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsApiException e) when (e.IsTransient && attempt < options.MaxAttempts)
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

    /// <summary>The objects of the list <paramref name="member"/> of an answer; anything but a list of objects is malformed.</summary>
    public static List<JsonObject> Items(JsonObject answer, string member, string operation)
        => UntrustedJson.Array(answer[member], operation, member).Select((item, i) => UntrustedJson.Object(item, operation, $"{member}[{i}]")!).ToList();

    /// <summary>Reads an answer with <paramref name="read"/>; an answer of another shape than the API's becomes the client's typed error.</summary>
    public TResult Shaped<TSource, TResult>(string operation, TSource answer, Func<TSource, TResult> read)
    {
        try
        {
            return read(answer);
        }
        catch (InputException e)
        {
            throw error(operation, "MalformedResponse", $"the answer has an unexpected shape: {e.Message}", null, e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw error(operation, "MalformedResponse", $"the answer has an unexpected shape ({e.Message})", null, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    /// <summary>The caller stopped waiting (a deadline, Ctrl-C): which call, to where, after how long.</summary>
    private static OperationCanceledException Stopped(string operation, Uri target, TimeSpan waited, int attempt, OperationCanceledException inner, CancellationToken token)
        => new($"{operation} to {target.GetLeftPart(UriPartial.Authority)} was stopped after {waited.TotalSeconds:0.0} s (attempt {attempt}) without an answer: the caller's time ran out", inner, token);

    private async Task<JsonObject> SendOnceAsync(string operation, byte[] payload, Uri target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CallTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Add("X-Amz-Target", targetPrefix + operation);
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
            throw error(operation, "Timeout", $"no answer from {target.GetLeftPart(UriPartial.Authority)} within {options.CallTimeout.TotalSeconds:0.#} s", null, null);
        }
        catch (HttpRequestException e)
        {
            throw error(operation, "ConnectionFailed", $"cannot reach {target.GetLeftPart(UriPartial.Authority)}: {e.Message}", null, e);
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
                throw error(operation, code, message, response.StatusCode, null);
            }

            return json ?? throw error(operation, "MalformedResponse", $"the answer from {target.GetLeftPart(UriPartial.Authority)} is not a JSON object", response.StatusCode, null);
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
        var result = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = options.Credentials, Region = region, Service = signingService });
        foreach (var (name, value) in result.Headers)
        {
            if (!name.Equals("host", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-type", StringComparison.OrdinalIgnoreCase) && !name.Equals("x-amz-target", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}
