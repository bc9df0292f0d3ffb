using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcsDiscoveryConstructs.Cli.Tests.Fuzz;

/// <summary>
/// A loopback HTTP proxy in front of a Cloud Map peer (moto) that passes each request on and, as told by
/// <see cref="Answer"/>, returns the real answer, a mutated one, or one that echoes the request headers (a server that
/// leaks what it was sent). Stops on dispose.
/// </summary>
internal sealed class MutatingProxy : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpClient upstream = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly Uri target;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public MutatingProxy(Uri target)
    {
        this.target = target;
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            Port = ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>Given the request number of this case, the operation, the real status and body and the request headers, the answer to give.</summary>
    public Func<int, string, int, string, System.Collections.Specialized.NameValueCollection, (int Status, string Body)> Answer { get; set; } = (_, _, status, body, _) => (status, body);

    private int requests;

    /// <summary>Starts counting requests from 1 again (one case).</summary>
    public void NextCase() => Interlocked.Exchange(ref requests, 0);

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        upstream.Dispose();
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(stop.Token).ConfigureAwait(false);
            var operation = context.Request.Headers["X-Amz-Target"] ?? string.Empty;
            using var forward = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8) };
            forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
            forward.Headers.TryAddWithoutValidation("X-Amz-Target", operation);
            forward.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers["Authorization"]);
            forward.Headers.TryAddWithoutValidation("X-Amz-Date", context.Request.Headers["X-Amz-Date"]);
            using var real = await upstream.SendAsync(forward, stop.Token).ConfigureAwait(false);
            var realBody = await real.Content.ReadAsStringAsync(stop.Token).ConfigureAwait(false);
            var (status, answer) = Answer(Interlocked.Increment(ref requests), operation[(operation.LastIndexOf('.') + 1)..], (int)real.StatusCode, realBody, context.Request.Headers);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.OutputStream.WriteAsync(bytes, stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException or HttpRequestException or IOException)
        {
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
