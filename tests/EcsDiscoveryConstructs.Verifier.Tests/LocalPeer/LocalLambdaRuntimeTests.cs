using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EcsDiscoveryConstructs.LocalPeers;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Verifier.Tests.LocalPeer;

/// <summary>
/// The local Lambda Runtime API (2018-06-01, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) on its
/// own: one scheduled event with the request id and deadline headers, then no other; responses and errors (an
/// invocation's and the init's) kept in order with their path; anything else refused; its port freed when it stops.
/// </summary>
public sealed class LocalLambdaRuntimeTests : IDisposable
{
    private const string Api = "/2018-06-01/runtime";
    private readonly LocalLambdaRuntime runtime = LoopbackPorts.Bind(port => new LocalLambdaRuntime(port));
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private Uri Url(string path) => new($"http://127.0.0.1:{runtime.Port}{path}");

    public void Dispose()
    {
        http.Dispose();
        runtime.Dispose();
    }

    [Fact]
    public async Task TheFirstNext_HandsOutOneScheduledEvent_WithItsRequestIdAndADeadlineAMinuteAway()
    {
        var before = DateTimeOffset.UtcNow;
        using var next = await http.GetAsync(Url($"{Api}/invocation/next"));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("req-1", Assert.Single(next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id")));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Assert.Single(next.Headers.GetValues("Lambda-Runtime-Deadline-Ms")), CultureInfo.InvariantCulture));
        Assert.InRange(deadline, before.AddSeconds(55), DateTimeOffset.UtcNow.AddSeconds(61));
        Assert.Equal("""{"source":"aws.events"}""", await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASecondNext_GetsNoEvent()
    {
        (await http.GetAsync(Url($"{Api}/invocation/next"))).Dispose();
        using var second = await http.GetAsync(Url($"{Api}/invocation/next"));
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.False(second.Headers.Contains("Lambda-Runtime-Aws-Request-Id"));
    }

    [Fact]
    public async Task ResponsesAndErrors_AreKeptInOrder_WithTheLastPath()
    {
        using var response = await http.PostAsync(Url($"{Api}/invocation/req-1/response"), new StringContent("""{"checks":3}"""));
        using var error = await http.PostAsync(Url($"{Api}/init/error"), new StringContent("""{"errorMessage":"boom"}"""));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (response.StatusCode, error.StatusCode));
        Assert.Equal([("response", """{"checks":3}"""), ("error", """{"errorMessage":"boom"}""")], runtime.Results.ToArray());
        Assert.Equal($"{Api}/init/error", runtime.LastResultPath);
    }

    [Fact]
    public async Task AnyOtherPath_IsRefused_AndRecordsNothing()
    {
        using var other = await http.PostAsync(Url($"{Api}/invocation/req-1/responses"), new StringContent("x"));
        Assert.Equal(HttpStatusCode.InternalServerError, other.StatusCode);
        Assert.Empty(runtime.Results);
        Assert.Null(runtime.LastResultPath);
    }

    [Fact]
    public void AStoppedRuntime_FreesItsPort()
    {
        runtime.Dispose();
        using var listener = new TcpListener(IPAddress.Loopback, runtime.Port);
        listener.Start();
        Assert.Equal(runtime.Port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
