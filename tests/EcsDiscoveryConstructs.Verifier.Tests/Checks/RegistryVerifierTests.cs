using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

[Collection(MotoCollection.Name)]
[Trait("Peer", "moto")]
public sealed class RegistryVerifierTests : IDisposable
{
    private readonly RawCloudMap raw;
    private readonly CloudMapClient client;

    public RegistryVerifierTests(MotoServer moto)
    {
        moto.Reset();
        raw = new RawCloudMap(moto.Endpoint);
        client = new CloudMapClient(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = moto.Endpoint, DiscoverInstancesPerSecond = 0 });
    }

    private static StackTopology Stack(string name) => TemplateTopologyReader.Read(name, File.ReadAllText(RepoRoot.ExampleTemplate(name)));

    private VerificationReport Verify(string stack, bool strict = false) => Verify(Stack(stack), strict);

    private VerificationReport Verify(StackTopology topology, bool strict)
        => new RegistryVerifier(client).VerifyAsync(ExpectedState.From([topology]), strict, CancellationToken.None).GetAwaiter().GetResult();

    private static CheckResult Failure(VerificationReport report) => Assert.Single(report.Results, r => r.Status == CheckStatus.Fail);

    [Theory]
    [InlineData("FrontendBackendDns")]
    [InlineData("HttpApiDiscovery")]
    [InlineData("ServiceConnect")]
    [InlineData("ECommerce")]
    [InlineData("PublicApi")]
    [InlineData("CopilotLayout")]
    [InlineData("AppMeshLayout")]
    public void CleanDeploy_EveryCheckPasses(string stack)
    {
        EcsLikeRegistration.Deploy(raw, Stack(stack));
        var report = Verify(stack);
        Assert.True(report.Passed, string.Join("\n", report.Results.Where(r => r.Status != CheckStatus.Pass)));
        Assert.All(report.Results, r => Assert.Equal(stack, r.Stack));
        Assert.Contains(report.Results, r => r.Check == "namespace-exists");
        Assert.Contains(report.Results, r => r.Check == "discover-instances");
    }

    [Fact]
    public void InstanceDeregistered_FailsInstanceCount()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = raw.ServiceId("backend"), ["InstanceId"] = raw.FirstInstanceId("backend") });
        Assert.Equal(
            new CheckResult("FrontendBackendDns", "instance-count", "apps.example.com/backend", CheckStatus.Fail, "1 instances, expected 2") { Expected = "2", Actual = "1" },
            Failure(Verify("FrontendBackendDns")));
    }

    [Fact]
    public void InstanceUnhealthy_FailsHealthWithItsId()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        var id = raw.FirstInstanceId("backend");
        raw.Call("UpdateInstanceCustomHealthStatus", new JsonObject { ["ServiceId"] = raw.ServiceId("backend"), ["InstanceId"] = id, ["Status"] = "UNHEALTHY" });
        var failures = Verify("FrontendBackendDns").Results.Where(r => r.Status == CheckStatus.Fail).ToList();
        Assert.Contains(new CheckResult("FrontendBackendDns", "instance-health", "apps.example.com/backend", CheckStatus.Fail, $"instances not HEALTHY: {id} UNHEALTHY") { Expected = "all HEALTHY", Actual = $"{id} UNHEALTHY" }, failures);
    }

    [Fact]
    public void ServiceDeleted_FailsServiceExists()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        raw.Call("DeleteService", new JsonObject { ["Id"] = raw.ServiceId("backend") });
        Assert.Equal(
            new CheckResult("FrontendBackendDns", "service-exists", "apps.example.com/backend", CheckStatus.Fail, "service 'backend' does not exist in namespace 'apps.example.com'") { Expected = "backend", Actual = "missing" },
            Failure(Verify("FrontendBackendDns")));
    }

    [Fact]
    public void TtlChanged_FailsDnsRecords()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        raw.Call("UpdateService", new JsonObject
        {
            ["Id"] = raw.ServiceId("backend"),
            ["Service"] = new JsonObject { ["DnsConfig"] = new JsonObject { ["DnsRecords"] = new JsonArray(new JsonObject { ["Type"] = "A", ["TTL"] = 300 }) } },
        });
        var failure = Assert.Single(Verify("FrontendBackendDns").Results, r => r.Check == "dns-records");
        Assert.Equal((CheckStatus.Fail, "records are [A 300s], expected [A 10s]"), (failure.Status, failure.Message));
    }

    [Fact]
    public void ServiceRecreatedWithOtherRoutingPolicy_FailsRoutingPolicy()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        var nsId = raw.NamespaceId("apps.example.com");
        raw.Call("DeleteService", new JsonObject { ["Id"] = raw.ServiceId("backend") });
        raw.Call("CreateService", new JsonObject
        {
            ["Name"] = "backend",
            ["NamespaceId"] = nsId,
            ["DnsConfig"] = new JsonObject { ["RoutingPolicy"] = "WEIGHTED", ["DnsRecords"] = new JsonArray(new JsonObject { ["Type"] = "A", ["TTL"] = 10 }) },
            ["HealthCheckCustomConfig"] = new JsonObject { ["FailureThreshold"] = 1 },
        });
        var results = Verify("FrontendBackendDns").Results.Where(r => r.Status == CheckStatus.Fail).ToList();
        Assert.Contains(new CheckResult("FrontendBackendDns", "routing-policy", "apps.example.com/backend", CheckStatus.Fail, "routing policy is WEIGHTED, expected MULTIVALUE") { Expected = "MULTIVALUE", Actual = "WEIGHTED" }, results);
    }

    [Fact]
    public void NamespaceDeleted_FailsNamespaceExists()
    {
        EcsLikeRegistration.Deploy(raw, Stack("HttpApiDiscovery"));
        raw.Call("DeleteNamespace", new JsonObject { ["Id"] = raw.NamespaceId("shop-api") });
        var failure = Failure(Verify("HttpApiDiscovery"));
        Assert.Equal(new CheckResult("HttpApiDiscovery", "namespace-exists", "shop-api", CheckStatus.Fail, "namespace 'shop-api' (HTTP) does not exist") { Expected = "HTTP", Actual = "missing" }, failure);
    }

    [Fact]
    public void ExtraService_WarnsByDefaultAndFailsWhenStrict()
    {
        EcsLikeRegistration.Deploy(raw, Stack("HttpApiDiscovery"));
        raw.Call("CreateService", new JsonObject { ["Name"] = "legacy", ["NamespaceId"] = raw.NamespaceId("shop-api"), ["Type"] = "HTTP" });
        var relaxed = Verify("HttpApiDiscovery");
        Assert.True(relaxed.Passed);
        Assert.Contains(new CheckResult("HttpApiDiscovery", "unknown-services", "shop-api", CheckStatus.Warn, "services the assembly does not declare: legacy") { Expected = "none", Actual = "legacy" }, relaxed.Results);
        Assert.Equal(new CheckResult("HttpApiDiscovery", "unknown-services", "shop-api", CheckStatus.Fail, "services the assembly does not declare: legacy") { Expected = "none", Actual = "legacy" }, Failure(Verify("HttpApiDiscovery", strict: true)));
    }

    private const string CnameTemplate = """
        {"Resources":{
          "Ns":{"Type":"AWS::ServiceDiscovery::PublicDnsNamespace","Properties":{"Name":"foobar.com"}},
          "Svc":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"Name":"foo","NamespaceId":{"Fn::GetAtt":["Ns","Id"]},
            "DnsConfig":{"DnsRecords":[{"Type":"CNAME","TTL":30}],"RoutingPolicy":"WEIGHTED"}}},
          "Legacy":{"Type":"AWS::ServiceDiscovery::Instance","Properties":{"InstanceId":"legacy","ServiceId":{"Fn::GetAtt":["Svc","Id"]},
            "InstanceAttributes":{"AWS_INSTANCE_CNAME":"service.pizza","team":"shop"}}}
        }}
        """;

    [Fact]
    public void TemplateInstance_ChangedByHand_FailsDeclaredInstancesNamingTheAttribute()
    {
        var topology = TemplateTopologyReader.Read("Cname", CnameTemplate);
        EcsLikeRegistration.Deploy(raw, topology);
        var clean = Verify(topology, strict: true);
        Assert.True(clean.Passed, string.Join("\n", clean.Results.Where(r => r.Status != CheckStatus.Pass)));
        Assert.Contains(clean.Results, r => r.Check == "declared-instances" && r.Status == CheckStatus.Pass);

        var serviceId = raw.ServiceId("foo");
        raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = serviceId, ["InstanceId"] = "legacy" });
        raw.Call("RegisterInstance", new JsonObject { ["ServiceId"] = serviceId, ["InstanceId"] = "legacy", ["Attributes"] = new JsonObject { ["AWS_INSTANCE_CNAME"] = "old.pizza" } });
        var drifted = Verify(topology, strict: true);
        Assert.Equal(
            new CheckResult("Cname", "declared-instances", "foobar.com/foo", CheckStatus.Fail, "template instances differ: 'legacy' AWS_INSTANCE_CNAME is 'old.pizza', expected 'service.pizza'; 'legacy' has no team (expected 'shop')")
            {
                Expected = "as declared",
                Actual = "'legacy' AWS_INSTANCE_CNAME is 'old.pizza', expected 'service.pizza'; 'legacy' has no team (expected 'shop')",
            },
            Failure(drifted));
    }

    [Fact]
    public void TemplateInstance_Deregistered_FailsDeclaredInstancesAndCount()
    {
        var topology = TemplateTopologyReader.Read("Cname", CnameTemplate);
        EcsLikeRegistration.Deploy(raw, topology);
        raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = raw.ServiceId("foo"), ["InstanceId"] = "legacy" });
        var report = Verify(topology, strict: true);
        Assert.Equal(
            ["declared-instances: template instances differ: 'legacy' is not registered", "instance-count: 0 instances, expected 1"],
            report.Results.Where(r => r.Status == CheckStatus.Fail).Select(r => $"{r.Check}: {r.Message}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ApiCalls_AreAtTheLowerBound()
    {
        EcsLikeRegistration.Deploy(raw, Stack("FrontendBackendDns"));
        _ = Verify("FrontendBackendDns");
        // ListNamespaces + ListServices (1 namespace) + ListInstances and DiscoverInstances (1 service): the lower bound.
        Assert.Equal(4, client.RequestCount);
    }

    public void Dispose()
    {
        raw.Dispose();
        client.Dispose();
    }
}
