using System.Diagnostics;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

/// <summary>Error paths against a scripted endpoint (moto cannot produce them): every one ends with a typed error, in bounded time.</summary>
public class CloudMapClientFaultTests
{
    private static CloudMapClient Client(Uri endpoint, TimeSpan? timeout = null) => new(new CloudMapClientOptions
    {
        Region = "us-east-1",
        Credentials = RawCloudMap.Credentials,
        EndpointUrl = endpoint,
        MaxAttempts = 3,
        BaseBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        CallTimeout = timeout ?? TimeSpan.FromSeconds(5),
        MaxPages = 20,
    });

    private static async Task<(CloudMapException Error, TimeSpan Took)> Fails(Func<CloudMapClient, Task> call, Uri endpoint, TimeSpan? timeout = null)
    {
        using var client = Client(endpoint, timeout);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CloudMapException>(() => call(client));
        return (error, clock.Elapsed);
    }

    [Fact]
    public async Task Throttling_IsRetriedThenReported()
    {
        using var fake = new ScriptedEndpoint((_, _) => (429, "{\"__type\":\"RequestLimitExceeded\",\"Message\":\"Rate exceeded\"}", TimeSpan.Zero));
        var (error, took) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal(("RequestLimitExceeded", true, 3), (error.Code, error.IsThrottling, fake.Requests));
        Assert.Equal("ListNamespaces failed: RequestLimitExceeded: Rate exceeded", error.Message);
        Assert.True(took < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ThrottlingExceptionWithPrefixedType_IsRecognised()
    {
        using var fake = new ScriptedEndpoint((_, _) => (400, "{\"__type\":\"com.amazonaws.servicediscovery#ThrottlingException\",\"message\":\"slow down\"}", TimeSpan.Zero));
        var (error, _) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal(("ThrottlingException", true, "slow down"), (error.Code, error.IsThrottling, error.Message.Split(": ")[^1]));
    }

    [Fact]
    public async Task ServerError_IsRetriedThenReported()
    {
        using var fake = new ScriptedEndpoint((_, _) => (500, "{\"__type\":\"InternalFailure\",\"Message\":\"oops\"}", TimeSpan.Zero));
        var (error, _) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal(("InternalFailure", 3), (error.Code, fake.Requests));
    }

    [Fact]
    public async Task TransientErrorThenSuccess_Succeeds()
    {
        using var fake = new ScriptedEndpoint((n, _) => n == 1 ? (503, "{}", TimeSpan.Zero) : (200, "{\"Namespaces\":[{\"Id\":\"ns-1\",\"Arn\":\"arn\",\"Name\":\"shop\",\"Type\":\"HTTP\"}]}", TimeSpan.Zero));
        using var client = Client(fake.Endpoint);
        var namespaces = await client.ListNamespacesAsync(CancellationToken.None);
        Assert.Equal(("shop", 2), (Assert.Single(namespaces).Name, fake.Requests));
    }

    [Fact]
    public async Task SlowAnswer_TimesOutWithinTheBound()
    {
        using var fake = new ScriptedEndpoint((_, _) => (200, "{}", TimeSpan.FromSeconds(30)));
        var (error, took) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint, TimeSpan.FromMilliseconds(300));
        Assert.Equal("Timeout", error.Code);
        Assert.Contains("no answer from http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }

    [Fact]
    public async Task MalformedJson_IsNotRetried()
    {
        using var fake = new ScriptedEndpoint((_, _) => (200, "<html>not json</html>", TimeSpan.Zero));
        var (error, _) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal(("MalformedResponse", 1), (error.Code, fake.Requests));
    }

    [Fact]
    public async Task RepeatedPageToken_StopsThePagination()
    {
        using var fake = new ScriptedEndpoint((_, _) => (200, "{\"Namespaces\":[],\"NextToken\":\"same\"}", TimeSpan.Zero));
        var (error, _) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal(("PaginationLoop", "ListNamespaces failed: PaginationLoop: the endpoint returned the same NextToken twice", 2), (error.Code, error.Message, fake.Requests));
    }

    [Fact]
    public async Task EndlessNewPageTokens_StopAtMaxPages()
    {
        using var fake = new ScriptedEndpoint((n, _) => (200, $"{{\"Namespaces\":[],\"NextToken\":\"t{n}\"}}", TimeSpan.Zero));
        var (error, _) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal(("PaginationLoop", 20), (error.Code, fake.Requests));
    }

    [Fact]
    public async Task ConnectionRefused_IsReported()
    {
        var (error, took) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), ScriptedEndpoint.Refusing());
        Assert.Equal("ConnectionFailed", error.Code);
        Assert.StartsWith("ListNamespaces failed: ConnectionFailed: cannot reach http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task NotFound_IsTypedAndNotRetried()
    {
        using var fake = new ScriptedEndpoint((_, _) => (404, "{\"__type\":\"ServiceNotFound\",\"Message\":\"srv-1\"}", TimeSpan.Zero));
        var (error, _) = await Fails(c => c.ListInstancesAsync("srv-1", CancellationToken.None), fake.Endpoint);
        Assert.Equal((true, 1), (error.IsNotFound, fake.Requests));
    }

    [Fact]
    public async Task Requests_AreSignedWithoutLeakingTheSecret()
    {
        string? seenTarget = null;
        using var fake = new ScriptedEndpoint((_, target) => { seenTarget = target; return (400, "{\"__type\":\"InvalidSignatureException\",\"Message\":\"bad\"}", TimeSpan.Zero); });
        var (error, _) = await Fails(c => c.ListNamespacesAsync(CancellationToken.None), fake.Endpoint);
        Assert.Equal("Route53AutoNaming_v20170314.ListNamespaces", seenTarget);
        Assert.DoesNotContain("testing", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverInstances_RespectsTheRateLimit()
    {
        using var fake = new ScriptedEndpoint((_, _) => (200, "{\"Instances\":[]}", TimeSpan.Zero));
        using var client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = fake.Endpoint, DiscoverInstancesPerSecond = 20 });
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 11; i++)
        {
            await client.DiscoverInstancesAsync("ns", "svc", "HEALTHY", null, CancellationToken.None);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(480), $"11 calls at 20/s took only {clock.Elapsed}");
    }
}
