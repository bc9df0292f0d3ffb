using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>
/// The local DNS peer against the registry state moto holds (filled by the independent ECS-like registration): what it
/// answers for names, record types and health, and that the DNS checks pass on it.
/// </summary>
[Collection(MotoCollection.Name)]
[Trait("Peer", "moto")]
public sealed class LocalDnsPeerTests : IDisposable
{
    private readonly RawCloudMap raw;
    private readonly CloudMapClient client;
    private readonly LocalDnsPeer peer;
    private readonly DnsClientResolver resolver;

    public LocalDnsPeerTests(MotoServer moto)
    {
        moto.Reset();
        raw = new RawCloudMap(moto.Endpoint);
        client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = moto.Endpoint, DiscoverInstancesPerSecond = 0 });
        peer = new LocalDnsPeer(client, LoopbackPorts.UdpAndTcp());
        resolver = new DnsClientResolver(peer.Endpoint);
    }

    [Fact]
    public void Answers_SoaRecordsNxdomainAndRefused_AsRoute53WouldForTheRegistry()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        var registered = raw.Instances("backend").Select(i => i!["Attributes"]!["AWS_INSTANCE_IPV4"]!.GetValue<string>()).Order().ToList();

        Assert.Single(Query("apps.example.com", "SOA").Answers, r => r.Type == "SOA");
        var a = Query("backend.apps.example.com", "A");
        Assert.Equal("NOERROR", a.Code);
        Assert.Equal(registered, a.Answers.Select(r => r.Value).Order());
        Assert.All(a.Answers, r => Assert.Equal(10, r.Ttl));
        var nodata = Query("backend.apps.example.com", "AAAA");
        Assert.Equal(("NOERROR", 0), (nodata.Code, nodata.Answers.Count));
        Assert.Equal("NXDOMAIN", Query("nothing.apps.example.com", "A").Code);
        Assert.Equal("REFUSED", Query("example.org", "A").Code);
    }

    [Fact]
    public void UnhealthyInstance_IsNotAnswered_UnlessNoneIsHealthy()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        var instances = raw.Instances("backend");
        var sick = instances[0]!["Id"]!.GetValue<string>();
        raw.Call("UpdateInstanceCustomHealthStatus", new JsonObject { ["ServiceId"] = raw.ServiceId("backend"), ["InstanceId"] = sick, ["Status"] = "UNHEALTHY" });
        var healthyAddress = instances[1]!["Attributes"]!["AWS_INSTANCE_IPV4"]!.GetValue<string>();
        Assert.Equal([healthyAddress], Query("backend.apps.example.com", "A").Answers.Select(r => r.Value));

        raw.Call("UpdateInstanceCustomHealthStatus", new JsonObject { ["ServiceId"] = raw.ServiceId("backend"), ["InstanceId"] = instances[1]!["Id"]!.GetValue<string>(), ["Status"] = "UNHEALTHY" });
        Assert.Equal(2, Query("backend.apps.example.com", "A").Answers.Count);
    }

    [Theory]
    [InlineData("FrontendBackendDns")]
    [InlineData("ECommerce")]
    [InlineData("CopilotLayout")]
    public async Task DnsChecks_PassOnThePeer_SrvIncluded(string stack)
    {
        EcsLikeRegistration.Deploy(raw, Stack(stack));
        var report = await new RegistryVerifier(client).VerifyAsync(ExpectedState.From([Stack(stack)]), strict: true, CancellationToken.None);
        var dns = await new DnsVerifier(resolver).VerifyAsync(report.Observations, CancellationToken.None);
        Assert.Contains(dns, r => r.Check == "dns-answers" && r.Status == CheckStatus.Pass);
        Assert.All(dns, r => Assert.True(r.Status == CheckStatus.Pass, $"{r.Check} {r.Target}: {r.Message}"));
        if (stack == "CopilotLayout")
        {
            Assert.Contains(dns, r => r.Check == "dns-srv");
        }
    }

    [Fact]
    public async Task UnreadableRegistry_AnswersServfail()
    {
        using var broken = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = ScriptedEndpoint.Refusing(), DiscoverInstancesPerSecond = 0, MaxAttempts = 1 });
        using var failing = new LocalDnsPeer(broken, LoopbackPorts.UdpAndTcp());
        Assert.Equal("SERVFAIL", (await new DnsClientResolver(failing.Endpoint).QueryAsync("backend.apps.example.com", "A", CancellationToken.None)).Code);
    }

    public void Dispose()
    {
        peer.Dispose();
        client.Dispose();
        raw.Dispose();
    }

    private DnsAnswer Query(string name, string type) => resolver.QueryAsync(name, type, CancellationToken.None).GetAwaiter().GetResult();

    private static StackTopology Stack(string name) => TemplateTopologyReader.Read(name, File.ReadAllText(RepoRoot.ExampleTemplate(name)));

}
