using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>One invocation the Lambda Runtime API handed out.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="Payload">The event.</param>
/// <param name="Deadline">When the invocation times out (Lambda-Runtime-Deadline-Ms).</param>
internal sealed record LambdaInvocation(string RequestId, string Payload, DateTimeOffset Deadline)
{
    /// <summary>Lambda-Runtime-Trace-Id (the X-Ray trace header), or null when the Runtime API sent none.</summary>
    public string? TraceId { get; init; }
}

/// <summary>The Lambda Runtime API, as a custom runtime (<c>provided.al2023</c>) talks to it.</summary>
internal interface ILambdaRuntimeApi
{
    /// <summary>Waits for the next invocation.</summary>
    Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken);

    /// <summary>Reports the invocation's result.</summary>
    Task RespondAsync(string requestId, string body, CancellationToken cancellationToken);

    /// <summary>Reports the invocation as failed.</summary>
    Task FailAsync(string requestId, string errorType, string message, CancellationToken cancellationToken);

    /// <summary>Reports that the runtime could not start (before its first invocation).</summary>
    Task InitErrorAsync(string errorType, string message, CancellationToken cancellationToken);
}

/// <summary>
/// The Lambda Runtime API over HTTP (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): GET
/// /2018-06-01/runtime/invocation/next, POST .../{id}/response, .../{id}/error and /runtime/init/error, at
/// <c>AWS_LAMBDA_RUNTIME_API</c> (a <c>host:port</c>; see <see cref="IsHostAndPort"/>).
/// </summary>
internal partial class LambdaRuntimeApi(string hostAndPort) : ILambdaRuntimeApi, IDisposable
{
    // 9999-12-31T23:59:59.999Z, the latest instant a DateTimeOffset holds: a deadline past it is read as missing.
    private const long LatestUnixMilliseconds = 253_402_300_799_999;
    private readonly HttpClient http = new()
    {
        BaseAddress = IsHostAndPort(hostAndPort) ? new Uri($"http://{hostAndPort}/2018-06-01/runtime/") : throw new ArgumentException($"'{hostAndPort}' is not host:port", nameof(hostAndPort)),
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// True when <paramref name="text"/> is what Lambda sets <c>AWS_LAMBDA_RUNTIME_API</c> to: a host name, an IPv4 address or
    /// a bracketed IPv6 address, then <c>:port</c> with a port of 1-65535.
    /// </summary>
    public static bool IsHostAndPort(string? text)
    {
        var match = text is null ? null : HostAndPort().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        var host = match.Groups["host"].Value;
        // A name whose last label is a number is an IPv4 address, read strictly (no "010.0.0.1").
        var hostValid = host.StartsWith('[') ? Shared.Ipv6Text.Parse(host[1..^1]) is not null
            : host.Split('.')[^1].All(char.IsAsciiDigit) ? Shared.Ipv4Text.Parse(host) is not null
            : Shared.DnsNameText.Problem(host) is null;
        return hostValid && int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) <= 65535;
    }

    [GeneratedRegex(@"^(?<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):(?<port>[1-9][0-9]{0,4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPort();

    /// <inheritdoc/>
    public async Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("invocation/next", cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var id = response.Headers.TryGetValues("Lambda-Runtime-Aws-Request-Id", out var ids) && ids.ToList() is [{ Length: > 0 } only]
            ? only
            : throw new InvalidOperationException("the Runtime API sent no Lambda-Runtime-Aws-Request-Id, or more than one");
        var deadline = response.Headers.TryGetValues("Lambda-Runtime-Deadline-Ms", out var ms) && ms.ToList() is [var text] && long.TryParse(text, out var millis)
                && millis is >= 0 and <= LatestUnixMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
            : DateTimeOffset.UtcNow.AddMinutes(1);
        var trace = response.Headers.TryGetValues("Lambda-Runtime-Trace-Id", out var traces) && traces.ToList() is [{ Length: > 0 } header] ? header : null;
        return new LambdaInvocation(id, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), deadline) { TraceId = trace };
    }

    /// <inheritdoc/>
    public async Task RespondAsync(string requestId, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc/>
    public Task FailAsync(string requestId, string errorType, string message, CancellationToken cancellationToken)
        => PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", errorType, message, cancellationToken);

    /// <inheritdoc/>
    public Task InitErrorAsync(string errorType, string message, CancellationToken cancellationToken)
        => PostErrorAsync("init/error", errorType, message, cancellationToken);

    private async Task PostErrorAsync(string path, string errorType, string message, CancellationToken cancellationToken)
    {
        using var content = new StringContent(new JsonObject { ["errorType"] = errorType, ["errorMessage"] = message }.ToJsonString(), Encoding.UTF8, "application/json");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        using var response = await http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();
}

/// <summary>The custom runtime's loop: take an invocation, run the handler, report its result or its error, repeat.</summary>
internal static class LambdaLoop
{
    /// <summary>The environment variable the X-Ray SDKs read the invocation's trace header from.</summary>
    public const string TraceVariable = "_X_AMZN_TRACE_ID";

    /// <summary>
    /// Serves invocations until <paramref name="cancellationToken"/> is cancelled or <paramref name="maxInvocations"/>
    /// were served. Each invocation's trace id is set in <see cref="TraceVariable"/> while it runs, as Lambda's custom
    /// runtime contract asks. A handler exception becomes an invocation error with its type and first message line
    /// (redacted), never a crash, and one line in <paramref name="log"/> (the function's log group): which invocation
    /// failed, after how long, and why.
    /// </summary>
    public static async Task<int> RunAsync(ILambdaRuntimeApi api, Func<LambdaInvocation, CancellationToken, Task<string>> handler, int maxInvocations, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(log);
        var served = 0;
        while (served < maxInvocations && !cancellationToken.IsCancellationRequested)
        {
            var invocation = await api.NextAsync(cancellationToken).ConfigureAwait(false);
            Environment.SetEnvironmentVariable(TraceVariable, invocation.TraceId);
            var result = string.Empty;
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(HandlerBudget(invocation.Deadline - DateTimeOffset.UtcNow));
                result = await handler(invocation, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The message may carry what a server echoed (headers, keys): it passes the redactor like every CLI line.
                var reason = Redactor.FirstLine(e.Message);
                await log.WriteLineAsync($"ecs-discovery canary: invocation {invocation.RequestId} failed after {started.Elapsed.TotalSeconds:0.0} s: {e.GetType().Name}: {reason}").ConfigureAwait(false);
                await log.FlushAsync(cancellationToken).ConfigureAwait(false);
                await api.FailAsync(invocation.RequestId, e.GetType().Name, reason, cancellationToken).ConfigureAwait(false);
                served++;
                continue;
            }

            await api.RespondAsync(invocation.RequestId, result, cancellationToken).ConfigureAwait(false);
            served++;
        }

        return served;
    }

    /// <summary>
    /// How long the handler may run: until a second before the invocation's deadline, at least a second (a deadline
    /// already past) and at most Lambda's longest timeout, 15 minutes (a deadline a lying runtime put days away).
    /// </summary>
    internal static TimeSpan HandlerBudget(TimeSpan untilDeadline)
    {
        var budget = untilDeadline - TimeSpan.FromSeconds(1);
        return budget < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1)
            : budget > TimeSpan.FromMinutes(15) ? TimeSpan.FromMinutes(15)
            : budget;
    }
}
