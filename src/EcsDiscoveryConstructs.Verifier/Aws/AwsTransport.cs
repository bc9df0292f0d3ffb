using System.Net;
using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime.Signing;
using EcsDiscoveryConstructs.Verifier.Input;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.Aws;

/// <summary>
/// What every AWS protocol of the verifier shares (JSON 1.1 for Cloud Map and ECS, Query for CloudFormation): a POST
/// signed with SigV4 (AWSSDK.Core); bounded retries with exponential backoff and full jitter on throttling, 5xx, timeouts
/// and connection failures; a timeout per attempt; pagination with loop and page-count guards; answers of another shape
/// than the API's become the client's typed error. Credentials and signatures never appear in messages.
/// </summary>
internal sealed class AwsTransport : IDisposable
{
    private readonly AwsClientOptions options;
    private readonly string signingService;
    private readonly Func<string, string, string, HttpStatusCode?, Exception?, AwsApiException> error;
    private readonly HttpClient http;
    private readonly RegionEndpoint region;
    private int requestCount;
    private bool secretsRegistered;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Region, credentials, retries, timeouts.</param>
    /// <param name="signingService">The SigV4 service name, e.g. <c>servicediscovery</c>, <c>ecs</c>, <c>cloudformation</c>.</param>
    /// <param name="error">Makes the client's exception from (operation, code, message, status, cause).</param>
    /// <param name="handler">Replaces the HTTP transport (tests).</param>
    public AwsTransport(AwsClientOptions options, string signingService, Func<string, string, string, HttpStatusCode?, Exception?, AwsApiException> error, HttpMessageHandler? handler)
    {
        this.options = options;
        this.signingService = signingService;
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

    /// <summary>The client's typed error.</summary>
    public AwsApiException Error(string operation, string code, string message, HttpStatusCode? status = null, Exception? inner = null) => error(operation, code, message, status, inner);

    /// <summary>
    /// Every page of a listing: <paramref name="fetch"/> is called with the previous page's token (null first) until
    /// <paramref name="next"/> gives none; a server that never stops or repeats a token fails.
    /// </summary>
    public async IAsyncEnumerable<T> PagesAsync<T>(string operation, string tokenMember, Func<string?, Task<T>> fetch, Func<T, string?> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var page = 0; ; page++)
        {
            if (page >= options.MaxPages)
            {
                throw Error(operation, "PaginationLoop", $"the endpoint kept returning {tokenMember} after {options.MaxPages} pages");
            }

            var answer = await fetch(token).ConfigureAwait(false);
            yield return answer;
            token = next(answer);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seen.Add(token))
            {
                throw Error(operation, "PaginationLoop", $"the endpoint returned the same {tokenMember} twice");
            }
        }
    }

    /// <summary>
    /// Sends one call, retried while the failure is transient, and returns the text of a successful answer;
    /// <paramref name="failure"/> reads an unsuccessful answer's error code and message.
    /// </summary>
    public async Task<string> SendAsync(string operation, AwsRequestBody body, Func<HttpStatusCode, string, HttpResponseHeaders, (string? Code, string? Message)> failure, Uri target, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, body, failure, target, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads an answer with <paramref name="read"/>; an answer of another shape than the API's becomes the client's typed error.</summary>
    public TResult Shaped<TSource, TResult>(string operation, TSource answer, Func<TSource, TResult> read)
    {
        try
        {
            return read(answer);
        }
        catch (InputException e)
        {
            throw Error(operation, "MalformedResponse", $"the answer has an unexpected shape: {e.Message}", null, e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw Error(operation, "MalformedResponse", $"the answer has an unexpected shape ({e.Message})", null, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    /// <summary>The caller stopped waiting (a deadline, Ctrl-C): which call, to where, after how long.</summary>
    private static OperationCanceledException Stopped(string operation, Uri target, TimeSpan waited, int attempt, OperationCanceledException inner, CancellationToken token)
        => new($"{operation} to {target.GetLeftPart(UriPartial.Authority)} was stopped after {waited.TotalSeconds:0.0} s (attempt {attempt}) without an answer: the caller's time ran out", inner, token);

    private async Task<string> SendOnceAsync(string operation, AwsRequestBody body, Func<HttpStatusCode, string, HttpResponseHeaders, (string? Code, string? Message)> failure, Uri target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CallTimeout);
        using var request = new HttpRequestMessage(body.Method ?? HttpMethod.Post, target);
        if (body.Method is null)
        {
            request.Content = new ByteArrayContent(body.Payload);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
        }

        foreach (var (name, value) in body.Headers)
        {
            request.Headers.Add(name, value);
        }

        Sign(request, body, target);
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
            throw Error(operation, "Timeout", $"no answer from {target.GetLeftPart(UriPartial.Authority)} within {options.CallTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw Error(operation, "ConnectionFailed", $"cannot reach {target.GetLeftPart(UriPartial.Authority)}: {e.Message}", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = failure(response.StatusCode, text, response.Headers);
                throw Error(operation, code ?? $"Http{(int)response.StatusCode}", message ?? response.ReasonPhrase ?? "no message", response.StatusCode);
            }

            return text;
        }
    }

    private void Sign(HttpRequestMessage request, AwsRequestBody body, Uri target)
    {
        if (!secretsRegistered)
        {
            // Whatever a server echoes back, these values never reach a message, report or log (Redactor).
            var credentials = options.Credentials.GetCredentials();
            Redactor.AddSecret(credentials.AccessKey);
            Redactor.AddSecret(credentials.SecretKey);
            Redactor.AddSecret(credentials.Token);
            secretsRegistered = true;
        }

        var signing = new AWSSigningRequest { HttpMethod = body.Method ?? HttpMethod.Post, RequestUri = target, Content = body.Payload };
        if (body.Method is null)
        {
            signing.Headers["content-type"] = body.ContentType;
        }

        signing.Headers["host"] = target.IsDefaultPort ? target.Host : $"{target.Host}:{target.Port}";
        foreach (var (name, value) in body.Headers)
        {
            signing.Headers[name.ToLowerInvariant()] = value;
        }

        var result = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = options.Credentials, Region = region, Service = signingService });
        foreach (var (name, value) in result.Headers)
        {
            if (!name.Equals("host", StringComparison.OrdinalIgnoreCase) && !name.Equals("content-type", StringComparison.OrdinalIgnoreCase) && !body.Headers.Any(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}

/// <summary>A request's body as a protocol encodes it: the bytes, their content type and the protocol's own headers (e.g. <c>X-Amz-Target</c>).</summary>
internal sealed record AwsRequestBody(byte[] Payload, string ContentType, IReadOnlyList<(string Name, string Value)> Headers)
{
    /// <summary>A method without a body (e.g. HEAD for S3's HeadBucket) instead of the protocols' POST; null for POST.</summary>
    public HttpMethod? Method { get; init; }
}
