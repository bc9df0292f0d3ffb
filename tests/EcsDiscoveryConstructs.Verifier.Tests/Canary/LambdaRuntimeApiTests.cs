using System.Net;
using System.Text;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Canary;

namespace EcsDiscoveryConstructs.Verifier.Tests.Canary;

/// <summary>The Lambda Runtime API as the canary speaks it (documented HTTP protocol), against a scripted loopback runtime.</summary>
public sealed class LambdaRuntimeApiTests : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly int port = LoopbackPorts.Tcp();
    private readonly List<string> seen = [];
    private Func<HttpListenerRequest, (int Status, string Body, Dictionary<string, string> Headers)> script = _ => (200, string.Empty, []);

    public LambdaRuntimeApiTests()
    {
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (seen)
                {
                    seen.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.Headers["Lambda-Runtime-Function-Error-Type"]} {body}".TrimEnd());
                }

                var (status, answer, headers) = script(context.Request);
                context.Response.StatusCode = status;
                foreach (var (name, value) in headers)
                {
                    context.Response.Headers[name] = value;
                }

                var bytes = Encoding.UTF8.GetBytes(answer);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }

    private LambdaRuntimeApi Api() => new($"127.0.0.1:{port}");

    [Fact]
    public async Task Next_ReadsTheRequestIdDeadlineAndPayload()
    {
        script = _ => (200, "{\"source\":\"aws.events\"}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-1", ["Lambda-Runtime-Deadline-Ms"] = "1700000000000" });
        using var api = Api();
        var invocation = await api.NextAsync(CancellationToken.None);
        Assert.Equal(("req-1", "{\"source\":\"aws.events\"}", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)), (invocation.RequestId, invocation.Payload, invocation.Deadline));
        Assert.Equal(["GET /2018-06-01/runtime/invocation/next"], seen);
    }

    [Fact]
    public async Task Next_WithoutADeadline_AllowsAMinute_AndWithoutARequestIdFails()
    {
        script = _ => (200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-2", ["Lambda-Runtime-Deadline-Ms"] = "soon" });
        using var api = Api();
        var invocation = await api.NextAsync(CancellationToken.None);
        Assert.InRange(invocation.Deadline - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        script = _ => (200, "{}", []);
        Assert.Equal("the Runtime API sent no Lambda-Runtime-Aws-Request-Id", (await Assert.ThrowsAsync<InvalidOperationException>(() => api.NextAsync(CancellationToken.None))).Message);
        script = _ => (500, "{}", []);
        await Assert.ThrowsAsync<HttpRequestException>(() => api.NextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Respond_AndFail_PostToTheInvocationsPaths()
    {
        script = _ => (202, string.Empty, []);
        using var api = Api();
        await api.RespondAsync("req/1", "{\"passed\":true}", CancellationToken.None);
        await api.FailAsync("req-2", "InputException", "model unreadable", CancellationToken.None);
        Assert.Equal(
            [
                "POST /2018-06-01/runtime/invocation/req%2F1/response  {\"passed\":true}",
                "POST /2018-06-01/runtime/invocation/req-2/error InputException {\"errorType\":\"InputException\",\"errorMessage\":\"model unreadable\"}",
            ],
            seen);
    }

    [Fact]
    public async Task ARefusedResponseOrError_IsAnError_AnOkErrorIsNot()
    {
        using var api = Api();
        script = _ => (413, "{\"errorType\":\"RequestTooLong\"}", []);
        await Assert.ThrowsAsync<HttpRequestException>(() => api.RespondAsync("req-3", "x", CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => api.FailAsync("req-3", "E", "m", CancellationToken.None));
        script = _ => (200, string.Empty, []);
        await api.FailAsync("req-4", "E", "m", CancellationToken.None);
    }
}
