using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace EcsDiscoveryConstructs.LocalPeers;

/// <summary>
/// A local Lambda Runtime API (2018-06-01) on 127.0.0.1 that hands out one scheduled event and keeps what the runtime
/// posts back: how <c>demo</c> and the tests run the canary's packaged <c>bootstrap</c> as Lambda would.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html</remarks>
internal sealed class LocalLambdaRuntime : IDisposable
{
    private const string Next = "/2018-06-01/runtime/invocation/next";
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private int handedOut;

    /// <summary>Starts answering on 127.0.0.1:<paramref name="port"/>.</summary>
    public LocalLambdaRuntime(int port)
    {
        Port = port;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The port it answers on (the runtime's <c>AWS_LAMBDA_RUNTIME_API</c> is <c>127.0.0.1:Port</c>).</summary>
    public int Port { get; }

    /// <summary>What the runtime posted: <c>response</c> or <c>error</c> (an invocation's or the init's) with its body.</summary>
    public ConcurrentQueue<(string Kind, string Body)> Results { get; } = new();

    /// <summary>The path of the last result posted.</summary>
    public string? LastResultPath { get; private set; }

    /// <inheritdoc />
    public void Dispose()
    {
        // Close alone: after Stop, .NET's managed HttpListener binds the port again to remove the prefix a second time,
        // which fails when another process took the port meanwhile ("Address already in use").
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            if (path == Next && Interlocked.Increment(ref handedOut) == 1)
            {
                context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = "req-1";
                context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes("{\"source\":\"aws.events\"}")).ConfigureAwait(false);
            }
            else if (path.EndsWith("/response", StringComparison.Ordinal) || path.EndsWith("/error", StringComparison.Ordinal))
            {
                LastResultPath = path;
                Results.Enqueue((path.EndsWith("/error", StringComparison.Ordinal) ? "error" : "response", body));
                context.Response.StatusCode = 202;
            }
            else
            {
                // Only one event: a runtime asking for another waits until it is stopped (Lambda freezes it).
                context.Response.StatusCode = 500;
            }

            context.Response.Close();
        }
    }
}
