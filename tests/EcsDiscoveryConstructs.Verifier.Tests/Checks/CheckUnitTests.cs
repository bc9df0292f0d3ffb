using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Checks.Registry;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>Every check class, on facts built in memory: one case it passes and one it reports.</summary>
public sealed class CheckUnitTests
{
    private static readonly ExpectedNamespace Ns = CheckFixtures.Ns;
    private static readonly LiveNamespace LiveNs = CheckFixtures.LiveNs;

    [Fact]
    public void EveryCatalogEntry_HasExactlyOneCheckClass()
        => Assert.Equal(
            CheckCatalog.All.Select(c => c.Id).Order(StringComparer.Ordinal),
            RegistryVerifier.CheckInfos.Concat(DnsVerifier.CheckInfos).Select(c => c.Id).Order(StringComparer.Ordinal));

    [Fact]
    public void NamespaceChecks_PassAndReport()
    {
        var good = new NamespaceFacts(Ns, [LiveNs], LiveNs, 1, [CheckFixtures.Service("orders")], new HashSet<string> { "orders" }, true, false);
        var missing = good with { SameName = [], Chosen = null, Candidates = 0, Services = [] };
        Assert.Equal(CheckStatus.Pass, Single(new NamespaceExistsCheck().Check(good)).Status);
        Assert.Equal("namespace 'internal.example.com' (DNS_PRIVATE) does not exist", Single(new NamespaceExistsCheck().Check(missing)).Message);
        Assert.Equal(CheckStatus.Pass, Single(new SoaTtlCheck().Check(good)).Status);
        Assert.Equal("SOA TTL is 60 s, expected 15 s", Single(new SoaTtlCheck().Check(good with { Chosen = LiveNs with { SoaTtl = 60 } })).Message);
        Assert.Empty(new UnknownServicesCheck().Check(good));
        var extra = good with { Services = [CheckFixtures.Service("orders"), CheckFixtures.Service("legacy")] };
        Assert.Equal((CheckStatus.Warn, "services the assembly does not declare: legacy"), Outcome(new UnknownServicesCheck().Check(extra)));
        Assert.Equal(CheckStatus.Fail, Single(new UnknownServicesCheck().Check(extra with { Strict = true })).Status);
    }

    [Fact]
    public void IdChecks_PassWithTheStacksIds_ReportAReplacement_AndAreSilentWithoutIds()
    {
        var facts = new NamespaceFacts(Ns with { Id = "ns-1" }, [LiveNs], LiveNs, 1, [], new HashSet<string>(), true, false);
        Assert.Equal(CheckStatus.Pass, Single(new NamespaceIdCheck().Check(facts)).Status);
        var replaced = Single(new NamespaceIdCheck().Check(facts with { Chosen = LiveNs with { Id = "ns-2" } }));
        Assert.Equal((CheckStatus.Fail, "namespace 'internal.example.com' is ns-2, but the stack created ns-1: it was replaced outside CloudFormation, which still manages ns-1"), (replaced.Status, replaced.Message));
        Assert.Empty(new NamespaceIdCheck().Check(facts with { Namespace = Ns }));

        var service = CheckFixtures.Facts(CheckFixtures.Service("orders")) with { Service = CheckFixtures.Expected() with { Id = CheckFixtures.Service("orders").Id } };
        Assert.Equal(CheckStatus.Pass, Single(new ServiceIdCheck().Check(service)).Status);
        var other = Single(new ServiceIdCheck().Check(service with { Live = CheckFixtures.Service("orders") with { Id = "srv-new" } }));
        Assert.Equal(CheckStatus.Fail, other.Status);
        Assert.Contains("is srv-new, but the stack created", other.Message, StringComparison.Ordinal);
        Assert.Empty(new ServiceIdCheck().Check(CheckFixtures.Facts(CheckFixtures.Service("orders"))));
    }

    [Fact]
    public void ServiceExists_PassesSkipsAndReports()
    {
        Assert.Equal(CheckStatus.Pass, Single(new ServiceExistsCheck().Check(new ServiceLookup(CheckFixtures.Expected(), true, CheckFixtures.Service("orders")))).Status);
        Assert.Equal("service 'orders' does not exist in namespace 'internal.example.com'", Single(new ServiceExistsCheck().Check(new ServiceLookup(CheckFixtures.Expected(), true, null))).Message);
        Assert.Equal(CheckStatus.Skip, Single(new ServiceExistsCheck().Check(new ServiceLookup(CheckFixtures.Expected() with { Name = new TemplateValue(null, "{\"Ref\":\"X\"}") }, true, null))).Status);
    }

    [Fact]
    public void ServiceConfigChecks_PassAndReport()
    {
        var good = CheckFixtures.Facts(CheckFixtures.Service("orders"));
        Assert.All(new IServiceCheck[] { new DnsRecordsCheck(), new RoutingPolicyCheck(), new HealthCheckKindCheck() }, c => Assert.Equal(CheckStatus.Pass, Single(c.Check(good)).Status));
        Assert.Equal("records are [A 60s], expected [A 10s]", Single(new DnsRecordsCheck().Check(CheckFixtures.Facts(CheckFixtures.Service("orders") with { DnsRecords = [new LiveDnsRecord("A", 60)] }))).Message);
        Assert.Equal("routing policy is WEIGHTED, expected MULTIVALUE", Single(new RoutingPolicyCheck().Check(CheckFixtures.Facts(CheckFixtures.Service("orders") with { RoutingPolicy = "WEIGHTED" }))).Message);
        Assert.Equal("health check is None, expected Custom", Single(new HealthCheckKindCheck().Check(CheckFixtures.Facts(CheckFixtures.Service("orders") with { CustomHealthCheck = false }))).Message);
    }

    [Fact]
    public void InstanceChecks_PassAndReport()
    {
        var two = new[] { CheckFixtures.Instance("i-1", "10.0.0.1"), CheckFixtures.Instance("i-2", "10.0.0.2") };
        var good = CheckFixtures.Facts(CheckFixtures.Service("orders"), two, [CheckFixtures.Healthy("i-1"), CheckFixtures.Healthy("i-2")]);
        Assert.All(new IServiceCheck[] { new InstanceCountCheck(), new InstanceAttributesCheck(), new DiscoverInstancesCheck(), new InstanceHealthCheck() }, c => Assert.Equal(CheckStatus.Pass, Single(c.Check(good)).Status));
        Assert.Empty(new UnknownInstancesCheck().Check(good));
        Assert.Empty(new DeclaredInstancesCheck().Check(good));

        Assert.Equal("1 instances, expected 2", Single(new InstanceCountCheck().Check(good with { Instances = two[..1], Discovered = [CheckFixtures.Healthy("i-1")] })).Message);
        Assert.Equal("instances without AWS_INSTANCE_IPV4: i-3", Single(new InstanceAttributesCheck().Check(good with { Instances = [.. two, new LiveInstance("i-3", new Dictionary<string, string>())] })).Message);
        Assert.Equal("DiscoverInstances returned [i-1], ListInstances has [i-1, i-2]", Single(new DiscoverInstancesCheck().Check(good with { Discovered = [CheckFixtures.Healthy("i-1")] })).Message);
        Assert.Equal("instances not HEALTHY: i-2 UNHEALTHY", Single(new InstanceHealthCheck().Check(good with { Discovered = [CheckFixtures.Healthy("i-1"), new DiscoveredInstance("i-2", "UNHEALTHY", new Dictionary<string, string>())] })).Message);
        var foreign = good with { Instances = [.. two, new LiveInstance("i-9", new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = "10.0.0.9", ["ECS_SERVICE_NAME"] = "legacy" })] };
        Assert.Equal((CheckStatus.Warn, "instances registered by another ECS service: i-9 (legacy)"), Outcome(new UnknownInstancesCheck().Check(foreign)));
        var declared = good with { Service = good.Service with { DeclaredInstances = [new DeclaredInstance("Lb", "Svc", new TemplateValue("lb", null), new Dictionary<string, TemplateValue>())] } };
        Assert.Equal("template instances differ: 'lb' is not registered", Single(new DeclaredInstancesCheck().Check(declared)).Message);
    }

    [Fact]
    public void DnsChecks_PassAndReport()
    {
        var instances = new[] { CheckFixtures.Instance("i-1", "10.0.0.1") };
        var observed = new ServiceObservation(CheckFixtures.Expected() with { DnsRecords = [new DnsRecordInfo("A", 10), new DnsRecordInfo("SRV", 10)] }, LiveNs, CheckFixtures.Service("orders"), instances, new HashSet<string> { "i-1" });
        const string Name = "orders.internal.example.com";
        DnsAnswer Answer(params DnsRecord[] records) => new("NOERROR", records, []);
        var good = new DnsServiceFacts(
            observed,
            new Dictionary<string, DnsAnswer> { ["A"] = Answer(new DnsRecord(Name, "A", 10, "10.0.0.1")), ["SRV"] = Answer(new DnsRecord(Name, "SRV", 10, $"1 1 8080 i-1.{Name}")) },
            new Dictionary<string, DnsAnswer> { [$"i-1.{Name}"] = Answer(new DnsRecord($"i-1.{Name}", "A", 10, "10.0.0.1")) });
        foreach (var check in new IDnsServiceCheck[] { new DnsAnswersCheck(), new DnsAnswerCountCheck(), new DnsTtlCheck(), new DnsSrvCheck() })
        {
            Assert.All(check.Check(good), r => Assert.Equal(CheckStatus.Pass, r.Status));
            Assert.NotEmpty(check.Check(good));
        }

        var bad = good with { Answers = new Dictionary<string, DnsAnswer> { ["A"] = Answer(new DnsRecord(Name, "A", 60, "10.0.0.1"), new DnsRecord(Name, "A", 60, "10.0.0.7")), ["SRV"] = Answer(new DnsRecord(Name, "SRV", 10, $"1 1 9090 i-1.{Name}")) } };
        Assert.Contains("answers 10.0.0.7, not a healthy registered instance", Single(new DnsAnswersCheck().Check(bad), CheckStatus.Fail).Message, StringComparison.Ordinal);
        Assert.Contains("2 answers, expected 1", Single(new DnsAnswerCountCheck().Check(bad), CheckStatus.Fail).Message, StringComparison.Ordinal);
        Assert.Contains("answer TTL 60 s is above the declared 10 s", Single(new DnsTtlCheck().Check(bad), CheckStatus.Fail).Message, StringComparison.Ordinal);
        Assert.Contains("port 9090, registered 8080", Single(new DnsSrvCheck().Check(bad), CheckStatus.Fail).Message, StringComparison.Ordinal);

        var missing = new DnsServiceFacts(observed with { Live = null, Instances = [] }, new Dictionary<string, DnsAnswer> { ["A"] = new("NXDOMAIN", [], []) }, new Dictionary<string, DnsAnswer>());
        Assert.Equal(CheckStatus.Pass, Single(new DnsAbsentCheck().Check(missing)).Status);
        Assert.Equal(CheckStatus.Fail, Single(new DnsAbsentCheck().Check(missing with { Answers = new Dictionary<string, DnsAnswer> { ["A"] = Answer(new DnsRecord(Name, "A", 10, "10.0.0.1")) } })).Status);

        var soa = new DnsAnswer("NOERROR", [new DnsRecord("internal.example.com", "SOA", 15, "ns-1")], []);
        Assert.Equal(CheckStatus.Pass, Single(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", soa, [observed], "127.0.0.1:53"))).Status);
        var hidden = new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer("REFUSED", [], []), [observed], "127.0.0.1:53")).ToList();
        Assert.Equal([CheckStatus.Skip, CheckStatus.Skip], hidden.Select(r => r.Status));
        Assert.Equal(CheckStatus.Fail, Single(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs with { Type = "DNS_PUBLIC" }, "Shop", new DnsAnswer("NXDOMAIN", [], []), [observed], "127.0.0.1:53"))).Status);
        Assert.Equal(
            "the resolver 127.0.0.1:53 did not answer for the SOA of 'internal.example.com' (TIMEOUT); is --dns-resolver right?",
            Single(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer("TIMEOUT", [], []), [observed], "127.0.0.1:53"))).Message);
    }

    private static CheckResult Single(IEnumerable<CheckResult> results) => Assert.Single(results);

    private static CheckResult Single(IEnumerable<CheckResult> results, CheckStatus status) => Assert.Single(results, r => r.Status == status);

    private static (CheckStatus, string) Outcome(IEnumerable<CheckResult> results) => Assert.Single(results) is var r ? (r.Status, r.Message) : default;
}
