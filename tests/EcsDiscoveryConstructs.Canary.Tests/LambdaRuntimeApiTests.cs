using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Canary.Tests;

/// <summary>The Lambda Runtime API as the canary speaks it (documented HTTP protocol), against a scripted loopback runtime.</summary>
public sealed class LambdaRuntimeApiTests : IDisposable
{
    private readonly List<string> seen = [];
    private readonly ScriptedEndpoint runtime;
    private (int Status, string Body) answer = (200, string.Empty);

    public LambdaRuntimeApiTests()
        => runtime = new ScriptedEndpoint(request =>
        {
            lock (seen)
            {
                seen.Add($"{request.Method} {request.Path} {request.Headers["Lambda-Runtime-Function-Error-Type"]} {request.Body}".TrimEnd());
            }

            return (answer.Status, answer.Body, TimeSpan.Zero);
        });

    public void Dispose() => runtime.Dispose();

    private LambdaRuntimeApi Api() => new($"127.0.0.1:{runtime.Port}");

    private void Answer(int status, string body, Dictionary<string, string>? headers = null)
    {
        answer = (status, body);
        runtime.AnswerHeaders = headers ?? [];
    }

    [Fact]
    public async Task Next_ReadsTheRequestIdDeadlineAndPayload()
    {
        Answer(200, "{\"source\":\"aws.events\"}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-1", ["Lambda-Runtime-Deadline-Ms"] = "1700000000000" });
        using var api = Api();
        var invocation = await api.NextAsync(CancellationToken.None);
        Assert.Equal(("req-1", "{\"source\":\"aws.events\"}", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)), (invocation.RequestId, invocation.Payload, invocation.Deadline));
        Assert.Equal(["GET /2018-06-01/runtime/invocation/next"], seen);
    }

    [Fact]
    public async Task Next_WithoutADeadline_AllowsAMinute_AndWithoutARequestIdFails()
    {
        Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-2", ["Lambda-Runtime-Deadline-Ms"] = "soon" });
        using var api = Api();
        var invocation = await api.NextAsync(CancellationToken.None);
        Assert.InRange(invocation.Deadline - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        foreach (var wrong in new[] { "253402300800000", "-1", "99999999999999999999" })
        {
            Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-3", ["Lambda-Runtime-Deadline-Ms"] = wrong });
            Assert.InRange((await api.NextAsync(CancellationToken.None)).Deadline - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(61));
        }

        Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-4", ["Lambda-Runtime-Deadline-Ms"] = "253402300799999" });
        Assert.Equal(DateTimeOffset.MaxValue.UtcTicks / TimeSpan.TicksPerMillisecond, (await api.NextAsync(CancellationToken.None)).Deadline.UtcTicks / TimeSpan.TicksPerMillisecond);
        Answer(200, "{}");
        Assert.Equal("the Runtime API sent no Lambda-Runtime-Aws-Request-Id, or more than one", (await Assert.ThrowsAsync<InvalidOperationException>(() => api.NextAsync(CancellationToken.None))).Message);
        Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = string.Empty });
        Assert.Equal("the Runtime API sent no Lambda-Runtime-Aws-Request-Id, or more than one", (await Assert.ThrowsAsync<InvalidOperationException>(() => api.NextAsync(CancellationToken.None))).Message);
        Answer(500, "{}");
        await Assert.ThrowsAsync<HttpRequestException>(() => api.NextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Respond_AndFail_PostToTheInvocationsPaths()
    {
        Answer(202, string.Empty);
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
        Answer(413, "{\"errorType\":\"RequestTooLong\"}");
        await Assert.ThrowsAsync<HttpRequestException>(() => api.RespondAsync("req-3", "x", CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => api.FailAsync("req-3", "E", "m", CancellationToken.None));
        Answer(200, string.Empty);
        await api.FailAsync("req-4", "E", "m", CancellationToken.None);
    }

    [Fact]
    public async Task Next_ReadsTheTraceId_AndNoneWhenItIsMissingOrEmpty()
    {
        using var api = Api();
        Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-1", ["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1" });
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", (await api.NextAsync(CancellationToken.None)).TraceId);
        Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-2" });
        Assert.Null((await api.NextAsync(CancellationToken.None)).TraceId);
        Answer(200, "{}", new() { ["Lambda-Runtime-Aws-Request-Id"] = "req-3", ["Lambda-Runtime-Trace-Id"] = string.Empty });
        Assert.Null((await api.NextAsync(CancellationToken.None)).TraceId);
    }

    [Fact]
    public async Task InitError_PostsToTheInitErrorPath()
    {
        Answer(202, string.Empty);
        using var api = Api();
        await api.InitErrorAsync("Runtime.InvalidConfiguration", "AWS_REGION is not set", CancellationToken.None);
        Assert.Equal(["POST /2018-06-01/runtime/init/error Runtime.InvalidConfiguration {\"errorType\":\"Runtime.InvalidConfiguration\",\"errorMessage\":\"AWS_REGION is not set\"}"], seen);
    }

    [Theory]
    [InlineData("127.0.0.1:9001")]
    [InlineData("localhost:9001")]
    [InlineData("runtime.internal:1")]
    [InlineData("[::1]:65535")]
    public void HostAndPort_AsLambdaSetsIt_IsAccepted(string text)
    {
        Assert.True(LambdaRuntimeApi.IsHostAndPort(text));
        using var api = new LambdaRuntimeApi(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:09001")]
    [InlineData("127.0.0.1 :9001")]
    [InlineData("local host:9001")]
    [InlineData("[::1:9001")]
    [InlineData("[fe80::1%1]:9001")]
    [InlineData("user:pass@127.0.0.1:9001")]
    [InlineData("127.0.0.1:9001/path")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("010.0.0.1:9001")]
    [InlineData("127.0.0.1:9001\n")]
    [InlineData(null)]
    public void HostAndPort_OtherwiseWritten_IsRefusedByName(string? text)
    {
        Assert.False(LambdaRuntimeApi.IsHostAndPort(text));
        Assert.Equal($"'{text}' is not host:port (Parameter 'hostAndPort')", Assert.Throws<ArgumentException>(() => new LambdaRuntimeApi(text!)).Message);
    }
}
