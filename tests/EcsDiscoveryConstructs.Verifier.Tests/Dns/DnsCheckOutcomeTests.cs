using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using static EcsDiscoveryConstructs.Verifier.Tests.Checks.CheckFixtures;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>Each DNS check's whole outcome (status, message, expected, actual) in the cases that decide it, one behaviour per test.</summary>
public sealed class DnsCheckOutcomeTests
{
    private const string Name = "orders.internal.example.com";
    private const string Orders = "internal.example.com/orders";

    private static DnsRecord Rec(string type, string value, long ttl = 10, string name = Name) => new(name, type, ttl, value);

    private static DnsAnswer Answer(params DnsRecord[] records) => new("NOERROR", records, []);

    private static LiveInstance At(string id, string ipv4, string port = "8080") => new(id, new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = ipv4, ["AWS_INSTANCE_PORT"] = port });

    private static ServiceObservation Observed(LiveInstance[] instances, string[]? healthy = null, string? routing = "MULTIVALUE", params DnsRecordInfo[] records)
        => new(Expected() with { DnsRecords = records.Length == 0 ? [new DnsRecordInfo("A", 10)] : records }, LiveNs, Service("orders") with { RoutingPolicy = routing }, instances, (healthy ?? instances.Select(i => i.Id).ToArray()).ToHashSet());

    private static DnsServiceFacts Facts(ServiceObservation observed, Dictionary<string, DnsAnswer> answers, Dictionary<string, DnsAnswer>? hosts = null)
        => new(observed, answers, hosts ?? []);

    private static List<string> Lines(IEnumerable<CheckResult> results) => [.. results.Select(Line)];

    [Fact]
    public void Namespace_VisibleSoa_InAnswerOrAuthority_Passes()
    {
        var soa = Rec("SOA", "ns-1", 15, "internal.example.com");
        Assert.Equal(["Pass dns-namespace internal.example.com | SOA of 'internal.example.com' answered by 10.0.0.2:53 | SOA -> SOA"], Lines(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer("NOERROR", [], [soa]), [], "10.0.0.2:53"))));
        Assert.Equal(CheckStatus.Pass, new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", Answer(soa), [], "r")).Single().Status);
        Assert.Equal(CheckStatus.Pass, new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer("NOERROR", [soa], [Rec("NS", "ns-1.awsdns-00.com", 172800, "internal.example.com")]), [], "r")).Single().Status);
        Assert.NotEqual(CheckStatus.Pass, new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer("NXDOMAIN", [soa], []), [], "r")).First().Status);
        Assert.NotEqual(CheckStatus.Pass, new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", Answer(Rec("A", "10.0.0.1")), [], "r")).First().Status);
    }

    [Theory]
    [InlineData("TIMEOUT")]
    [InlineData("SERVFAIL")]
    public void Namespace_AResolverThatDoesNotAnswer_Fails(string code)
        => Assert.Equal(
            [$"Fail dns-namespace internal.example.com | the resolver r did not answer for the SOA of 'internal.example.com' ({code}); is --dns-resolver right? | SOA -> {code}"],
            Lines(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer(code, [], []), [Observed([])], "r"))));

    [Fact]
    public void Namespace_HiddenPrivateNamespace_SkipsItAndEachService()
    {
        var lines = Lines(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs, "Shop", new DnsAnswer("REFUSED", [], []), [Observed([])], "r")));
        const string Reason = "the SOA of private namespace 'internal.example.com' is not visible through r (REFUSED): its names resolve only inside its VPC; run verify --dns there (e.g. in a task or a CodeBuild project in the VPC, resolver 169.254.169.253)";
        Assert.Equal([$"Skip dns-namespace internal.example.com | {Reason} |  -> ", $"Skip dns-answers {Orders} | not checked: {Reason} |  -> "], lines);
    }

    [Fact]
    public void Namespace_PublicWithoutSoa_Fails()
        => Assert.Equal(
            ["Fail dns-namespace internal.example.com | public namespace 'internal.example.com' has no SOA through r (NXDOMAIN): is its domain delegated to the namespace's name servers? | SOA -> NXDOMAIN"],
            Lines(new DnsNamespaceCheck().Check(new DnsNamespaceFacts(LiveNs with { Type = "DNS_PUBLIC" }, "Shop", new DnsAnswer("NXDOMAIN", [], []), [Observed([])], "r"))));

    [Fact]
    public void Absent_PassesOnNxdomainOrNoData_FailsOnStaleRecordsOrErrors()
    {
        var missing = Observed([]) with { Live = null };
        Assert.Equal([$"Pass dns-absent {Orders} | {Name} does not resolve (NXDOMAIN), as the service is not in the registry | NXDOMAIN -> NXDOMAIN"], Lines(new DnsAbsentCheck().Check(Facts(missing, new() { ["A"] = new("NXDOMAIN", [], []) }))));
        Assert.Equal([$"Pass dns-absent {Orders} | {Name} does not resolve (NOERROR), as the service is not in the registry | NXDOMAIN -> NOERROR"], Lines(new DnsAbsentCheck().Check(Facts(missing, new() { ["A"] = Answer(Rec("A", "10.0.0.9", name: "other.internal.example.com")) }))));
        Assert.Equal(
            [$"Fail dns-absent {Orders} | {Name} still resolves to 10.0.0.1, 10.0.0.2, but the service is not in the registry (stale records) | NXDOMAIN -> 10.0.0.1, 10.0.0.2"],
            Lines(new DnsAbsentCheck().Check(Facts(missing, new() { ["A"] = Answer(Rec("A", "10.0.0.1"), Rec("A", "10.0.0.2")) }))));
        Assert.Equal([$"Fail dns-absent {Orders} | resolver error for {Name} A: SERVFAIL | NXDOMAIN -> SERVFAIL"], Lines(new DnsAbsentCheck().Check(Facts(missing, new() { ["A"] = new("SERVFAIL", [], []) }))));
        Assert.Empty(new DnsAbsentCheck().Check(Facts(Observed([]), new() { ["A"] = new("NXDOMAIN", [], []) })));
    }

    [Fact]
    public void Answers_FromHealthyRegisteredInstances_Pass_AndStaleOnesAreNamed()
    {
        var observed = Observed([At("i-1", "10.0.0.1"), At("i-2", "10.0.0.2")], healthy: ["i-1"]);
        Assert.Equal([$"Pass dns-answers {Orders} | {Name} A: 1 answers, all registered and healthy | 10.0.0.1 -> 10.0.0.1"], Lines(new DnsAnswersCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.1")) }))));
        Assert.Equal(
            [$"Fail dns-answers {Orders} | {Name} A answers 10.0.0.2, 10.0.0.7, not a healthy registered instance (registered: 10.0.0.1) | 10.0.0.1 -> 10.0.0.1, 10.0.0.2, 10.0.0.7"],
            Lines(new DnsAnswersCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.7"), Rec("A", "10.0.0.1"), Rec("A", "10.0.0.2")) }))));
    }

    [Fact]
    public void Answers_WithNoHealthyInstance_AllRegisteredOnesAreAllowed()
    {
        var observed = Observed([At("i-1", "10.0.0.1"), At("i-2", "10.0.0.2")], healthy: []);
        Assert.Equal(
            [$"Pass dns-answers {Orders} | {Name} A: 2 answers, all registered (none healthy: Route 53 answers as if all were) | 10.0.0.1, 10.0.0.2 -> 10.0.0.1, 10.0.0.2"],
            Lines(new DnsAnswersCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.2"), Rec("A", "10.0.0.1")) }))));
        Assert.Equal(
            [$"Fail dns-answers {Orders} | {Name} A answers 10.0.0.9, not a registered instance (registered: 10.0.0.1, 10.0.0.2) | 10.0.0.1, 10.0.0.2 -> 10.0.0.9"],
            Lines(new DnsAnswersCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.9")) }))));
    }

    [Fact]
    public void Answers_NoDataWithInstances_Fails_NoDataWithoutInstancesPasses_AndErrorsFail()
    {
        Assert.Equal(
            [$"Fail dns-answers {Orders} | {Name} A: no answer (NOERROR, no data), but 1 instances are registered | 10.0.0.1 -> "],
            Lines(new DnsAnswersCheck().Check(Facts(Observed([At("i-1", "10.0.0.1")]), new() { ["A"] = Answer() }))));
        Assert.Equal([$"Pass dns-answers {Orders} | {Name} A: 0 answers, all registered and healthy | none -> "], Lines(new DnsAnswersCheck().Check(Facts(Observed([]), new() { ["A"] = new("NXDOMAIN", [], []) }))));
        Assert.Equal([$"Fail dns-answers {Orders} | {Name} A: the resolver answered NXDOMAIN | NOERROR -> NXDOMAIN"], Lines(new DnsAnswersCheck().Check(Facts(Observed([At("i-1", "10.0.0.1")]), new() { ["A"] = new("NXDOMAIN", [], []) }))));
        Assert.Equal(
            [$"Fail dns-answers {Orders} | {Name} A answers 10.0.0.1, not a registered instance (registered: none) | none -> 10.0.0.1"],
            Lines(new DnsAnswersCheck().Check(Facts(Observed([]), new() { ["A"] = Answer(Rec("A", "10.0.0.1")) }))));
    }

    [Fact]
    public void Answers_CompareAaaaCnameAndSrvByTheirRegisteredForm_AndSkipAliases()
    {
        var instance = new LiveInstance("i-1", new Dictionary<string, string> { ["AWS_INSTANCE_IPV6"] = "2001:0db8:0000:0000:0000:0000:0000:0001", ["AWS_INSTANCE_CNAME"] = "Legacy.Example.COM.", ["AWS_INSTANCE_PORT"] = "80" });
        var observed = Observed([instance], records: [new DnsRecordInfo("AAAA", 10), new DnsRecordInfo("CNAME", 10), new DnsRecordInfo("SRV", 10)]);
        var lines = Lines(new DnsAnswersCheck().Check(Facts(observed, new()
        {
            ["AAAA"] = Answer(Rec("AAAA", "2001:db8::1")),
            ["CNAME"] = Answer(Rec("CNAME", "legacy.example.com")),
            ["SRV"] = Answer(Rec("SRV", $"1 1 80 i-1.{Name}")),
        })));
        Assert.Equal(
            [
                $"Pass dns-answers {Orders} | {Name} AAAA: 1 answers, all registered and healthy | 2001:db8::1 -> 2001:db8::1",
                $"Pass dns-answers {Orders} | {Name} CNAME: 1 answers, all registered and healthy | legacy.example.com -> legacy.example.com",
                $"Pass dns-answers {Orders} | {Name} SRV: 1 answers, all registered and healthy | i-1.{Name} -> i-1.{Name}",
            ],
            lines);
        var alias = Observed([new LiveInstance("lb", new Dictionary<string, string> { ["AWS_ALIAS_DNS_NAME"] = "lb.elb.amazonaws.com" })]);
        Assert.Equal(
            [$"Skip dns-answers {Orders} | {Name} is an alias to a load balancer: Route 53 answers with the load balancer's addresses, which the registry does not hold |  -> "],
            Lines(new DnsAnswersCheck().Check(Facts(alias, new() { ["A"] = Answer(Rec("A", "3.3.3.3")) }))));
        Assert.Empty(new DnsAnswerCountCheck().Check(Facts(alias, new() { ["A"] = Answer(Rec("A", "3.3.3.3")) })));
        Assert.Empty(new DnsTtlCheck().Check(Facts(alias, new() { ["A"] = Answer(Rec("A", "3.3.3.3", 600)) })));
    }

    [Fact]
    public void AnswerCount_MultivalueUpToEight_WeightedOne_NamedWithThePool()
    {
        var nine = Enumerable.Range(1, 9).Select(i => At($"i-{i}", $"10.0.0.{i}")).ToArray();
        var eight = Enumerable.Range(1, 8).Select(i => Rec("A", $"10.0.0.{i}")).ToArray();
        Assert.Equal([$"Pass dns-answer-count {Orders} | {Name} A: 8 answers (MULTIVALUE) | 8 -> 8"], Lines(new DnsAnswerCountCheck().Check(Facts(Observed(nine), new() { ["A"] = Answer(eight) }))));
        Assert.Equal(
            [$"Fail dns-answer-count {Orders} | {Name} A: 2 answers, expected 1 (WEIGHTED with 9 healthy instances) | 1 -> 2"],
            Lines(new DnsAnswerCountCheck().Check(Facts(Observed(nine, routing: "WEIGHTED"), new() { ["A"] = Answer(eight[..2]) }))));
        Assert.Equal(
            [$"Fail dns-answer-count {Orders} | {Name} A: 1 answers, expected 2 (MULTIVALUE with 2 instances) | 2 -> 1"],
            Lines(new DnsAnswerCountCheck().Check(Facts(Observed(nine[..2], healthy: [], routing: null), new() { ["A"] = Answer(eight[..1]) }))));
        Assert.Empty(new DnsAnswerCountCheck().Check(Facts(Observed(nine[..2]), new() { ["A"] = new("SERVFAIL", [], []) })));
        Assert.Empty(new DnsAnswerCountCheck().Check(Facts(Observed(nine[..2]) with { Live = null }, new() { ["A"] = Answer(eight[..2]) })));
    }

    [Fact]
    public void Ttl_TheHighestAnswerTtl_AgainstTheHighestDeclared()
    {
        var observed = Observed([At("i-1", "10.0.0.1"), At("i-2", "10.0.0.2")], records: [new DnsRecordInfo("A", 10), new DnsRecordInfo("SRV", 60)]);
        Assert.Equal(
            [$"Pass dns-ttl {Orders} | {Name} A: TTL 60 s (declared 60 s) | <= 60 -> 60"],
            Lines(new DnsTtlCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.1", 5), Rec("A", "10.0.0.2", 60)), ["SRV"] = Answer() }))));
        Assert.Equal(
            [$"Fail dns-ttl {Orders} | {Name} A: answer TTL 61 s is above the declared 60 s | <= 60 -> 61"],
            Lines(new DnsTtlCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.1", 61), Rec("A", "10.0.0.2", 1)), ["SRV"] = new("SERVFAIL", [], []) }))));
        Assert.Empty(new DnsTtlCheck().Check(Facts(observed with { Live = null }, new() { ["A"] = Answer(Rec("A", "10.0.0.1", 600)) })));
    }

    [Fact]
    public void Srv_PortsAndTargetAddressesAreTheRegisteredOnes()
    {
        var observed = Observed([At("i-1", "10.0.0.1", "8080"), At("i-2", "10.0.0.2", "9090"), new LiveInstance("i-3", new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = "10.0.0.3" })], records: [new DnsRecordInfo("SRV", 10)]);
        var srv = Answer(Rec("SRV", $"1 1 8080 i-1.{Name}"), Rec("SRV", $"1 1 9999 i-2.{Name}"), Rec("SRV", $"1 1 80 i-3.{Name}"), Rec("SRV", $"1 1 80 i-9.{Name}"));
        var hosts = new Dictionary<string, DnsAnswer>
        {
            [$"i-1.{Name}"] = Answer(Rec("A", "10.0.0.1", name: $"i-1.{Name}")),
            [$"i-2.{Name}"] = Answer(Rec("A", "10.0.0.5", name: $"i-2.{Name}"), Rec("A", "10.0.0.2", name: $"i-2.{Name}")),
            [$"i-3.{Name}"] = new("NXDOMAIN", [], []),
        };
        var problems = $"i-2.{Name} port 9999, registered 9090; i-2.{Name} resolves to 10.0.0.5, 10.0.0.2, registered 10.0.0.2; i-3.{Name} port 80, registered none; i-3.{Name} resolves to NXDOMAIN, registered 10.0.0.3";
        Assert.Equal([$"Fail dns-srv {Orders} | SRV answers differ from the registry: {problems} | registered ports and addresses -> {problems}"], Lines(new DnsSrvCheck().Check(Facts(observed, new() { ["SRV"] = srv }, hosts))));
        Assert.Equal(
            [$"Pass dns-srv {Orders} | 1 SRV targets with the registered ports and addresses | registered ports and addresses -> registered ports and addresses"],
            Lines(new DnsSrvCheck().Check(Facts(observed, new() { ["SRV"] = Answer(Rec("SRV", $"1 1 8080 i-1.{Name}")) }, hosts))));
        Assert.Empty(new DnsSrvCheck().Check(Facts(observed, new() { ["SRV"] = Answer() }, hosts)));
        Assert.Empty(new DnsSrvCheck().Check(Facts(observed, new() { ["SRV"] = new("SERVFAIL", [], []) }, hosts)));
        Assert.Empty(new DnsSrvCheck().Check(Facts(observed, new() { ["A"] = Answer(Rec("A", "10.0.0.1")) }, hosts)));
        Assert.Empty(new DnsSrvCheck().Check(Facts(observed with { Live = null }, new() { ["SRV"] = srv }, hosts)));
    }
}
