using System.Net;
using System.Text;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// A scripted fake Cloud Map endpoint on a free loopback port (HttpListener): each request is answered by the
/// script with a status, a body and an optional delay. Counts the requests it saw. Stops on dispose.
/// </summary>
public sealed class ScriptedEndpoint : IDisposable
{
    private readonly HttpListener listener;
    private readonly Func<ScriptedRequest, (int Status, string Body, TimeSpan Delay)> script;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int requests;

    /// <param name="script">Given the request number (1-based) and the X-Amz-Target, returns the answer.</param>
    public ScriptedEndpoint(Func<int, string, (int Status, string Body, TimeSpan Delay)> script)
        : this((n, target, _) => script(n, target))
    {
    }

    /// <param name="script">Given the request number (1-based), the X-Amz-Target and the request headers, returns the answer.</param>
    public ScriptedEndpoint(Func<int, string, System.Collections.Specialized.NameValueCollection, (int Status, string Body, TimeSpan Delay)> script)
        : this(request => script(request.Number, request.Target, request.Headers))
    {
    }

    /// <param name="script">Given the whole request (number, X-Amz-Target, headers, body), returns the answer.</param>
    public ScriptedEndpoint(Func<ScriptedRequest, (int Status, string Body, TimeSpan Delay)> script)
    {
        this.script = script;
        (listener, Port) = LoopbackPorts.Bind(port =>
        {
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
            }
            catch (HttpListenerException)
            {
                candidate.Close();
                throw;
            }

            return (candidate, port);
        });
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    public int Requests => requests;

    /// <summary>Headers added to every answer (read when each answer is sent), e.g. the Lambda Runtime API's request id.</summary>
    public IReadOnlyDictionary<string, string> AnswerHeaders { get; set; } = new Dictionary<string, string>();

    /// <summary>An endpoint URL nothing listens on.</summary>
    public static Uri Refusing() => new($"http://127.0.0.1:{LoopbackPorts.Tcp()}/");

    public void Dispose()
    {
        stop.Cancel();
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

        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
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

            _ = Task.Run(async () =>
            {
                try
                {
                    string requestBody;
                    using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                    {
                        requestBody = await reader.ReadToEndAsync(stop.Token).ConfigureAwait(false);
                    }

                    var request = new ScriptedRequest(Interlocked.Increment(ref requests), context.Request.Headers["X-Amz-Target"] ?? string.Empty, context.Request.Headers, requestBody)
                    {
                        Method = context.Request.HttpMethod,
                        Path = context.Request.Url!.AbsolutePath,
                    };
                    var (status, body, delay) = script(request);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, stop.Token).ConfigureAwait(false);
                    }

                    var bytes = Encoding.UTF8.GetBytes(body);
                    context.Response.StatusCode = status;
                    context.Response.ContentType = "application/x-amz-json-1.1";
                    foreach (var (name, value) in AnswerHeaders)
                    {
                        context.Response.Headers[name] = value;
                    }

                    await context.Response.OutputStream.WriteAsync(bytes, stop.Token).ConfigureAwait(false);
                    context.Response.Close();
                }
                catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or IOException)
                {
                }
            });
        }
    }
}

/// <summary>One request a <see cref="ScriptedEndpoint"/> received.</summary>
/// <param name="Number">1-based, in arrival order.</param>
/// <param name="Target">The X-Amz-Target header.</param>
/// <param name="Headers">Every request header.</param>
/// <param name="Body">The request body.</param>
public sealed record ScriptedRequest(int Number, string Target, System.Collections.Specialized.NameValueCollection Headers, string Body)
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>The URL path, escaped as sent.</summary>
    public string Path { get; init; } = "/";
}
