using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.Canary;

/// <summary>One invocation the Lambda Runtime API handed out.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="Payload">The event.</param>
/// <param name="Deadline">When the invocation times out (Lambda-Runtime-Deadline-Ms).</param>
public sealed record LambdaInvocation(string RequestId, string Payload, DateTimeOffset Deadline);

/// <summary>The Lambda Runtime API, as a custom runtime (<c>provided.al2023</c>) talks to it.</summary>
public interface ILambdaRuntimeApi
{
    /// <summary>Waits for the next invocation.</summary>
    Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken);

    /// <summary>Reports the invocation's result.</summary>
    Task RespondAsync(string requestId, string body, CancellationToken cancellationToken);

    /// <summary>Reports the invocation as failed.</summary>
    Task FailAsync(string requestId, string errorType, string message, CancellationToken cancellationToken);
}

/// <summary>
/// The Lambda Runtime API over HTTP (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): GET
/// /2018-06-01/runtime/invocation/next, POST .../{id}/response and .../{id}/error, at <c>AWS_LAMBDA_RUNTIME_API</c>.
/// </summary>
public sealed class LambdaRuntimeApi(string hostAndPort) : ILambdaRuntimeApi, IDisposable
{
    // 9999-12-31T23:59:59.999Z, the latest instant a DateTimeOffset holds: a deadline past it is read as missing.
    private const long LatestUnixMilliseconds = 253_402_300_799_999;
    private readonly HttpClient http = new() { BaseAddress = new Uri($"http://{hostAndPort}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };

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
        return new LambdaInvocation(id, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), deadline);
    }

    /// <inheritdoc/>
    public async Task RespondAsync(string requestId, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc/>
    public async Task FailAsync(string requestId, string errorType, string message, CancellationToken cancellationToken)
    {
        using var content = new StringContent(new JsonObject { ["errorType"] = errorType, ["errorMessage"] = message }.ToJsonString(), Encoding.UTF8, "application/json");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        using var response = await http.PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => http.Dispose();
}

/// <summary>The custom runtime's loop: take an invocation, run the handler, report its result or its error, repeat.</summary>
public static class LambdaLoop
{
    /// <summary>
    /// Serves invocations until <paramref name="cancellationToken"/> is cancelled or <paramref name="maxInvocations"/>
    /// were served. A handler exception becomes an invocation error with its type and first message line (redacted),
    /// never a crash.
    /// </summary>
    public static async Task<int> RunAsync(ILambdaRuntimeApi api, Func<LambdaInvocation, CancellationToken, Task<string>> handler, int maxInvocations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(handler);
        var served = 0;
        while (served < maxInvocations && !cancellationToken.IsCancellationRequested)
        {
            var invocation = await api.NextAsync(cancellationToken).ConfigureAwait(false);
            var result = string.Empty; // assigned up front: mutation testing drops statements
            try
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(HandlerBudget(invocation.Deadline - DateTimeOffset.UtcNow));
                result = await handler(invocation, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The message may carry what a server echoed (headers, keys): it passes the redactor like every CLI line.
                await api.FailAsync(invocation.RequestId, e.GetType().Name, Redactor.FirstLine(e.Message), cancellationToken).ConfigureAwait(false);
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
