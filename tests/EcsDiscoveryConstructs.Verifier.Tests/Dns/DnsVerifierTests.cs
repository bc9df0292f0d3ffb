using System.Diagnostics;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>
/// The DNS checks against scripted DNS servers whose answers each test writes (the independent truth), for a service
/// <c>orders.internal.example.com</c> whose registry state each test sets.
/// </summary>
public sealed class DnsVerifierTests
{
    private const string Zone = OrdersObservation.Zone;
    private const string Name = OrdersObservation.Name;

    private static readonly LiveInstance[] Three =
    [
        Instance("i-1", "10.0.0.1", "8080"),
        Instance("i-2", "10.0.0.2", "8080"),
        Instance("i-3", "10.0.0.3", "8080"),
    ];

    [Fact]
    public void CleanAnswers_PassEveryCheck()
    {
        var results = Run(Observe(Three), (name, type) => type == "A" ? A(10, "10.0.0.1", "10.0.0.2", "10.0.0.3") : null);
        Assert.All(results, r => Assert.Equal(CheckStatus.Pass, r.Status));
        Assert.Equal(["dns-namespace", "dns-answers", "dns-answer-count", "dns-ttl"], results.Select(r => r.Check));
    }

    [Fact]
    public void StaleAddress_FailsNamingIt()
    {
        var results = Run(Observe(Three), (_, type) => type == "A" ? A(10, "10.0.0.1", "10.0.0.9", "10.0.0.3") : null);
        var failure = Assert.Single(results, r => r.Status == CheckStatus.Fail);
        Assert.Equal("dns-answers", failure.Check);
        Assert.Equal("orders.internal.example.com A answers 10.0.0.9, not a healthy registered instance (registered: 10.0.0.1, 10.0.0.2, 10.0.0.3)", failure.Message);
    }

    [Fact]
    public void AFailureOfAnEcsRegisteredService_CarriesWhatEcsSays_APassDoesNot()
    {
        const string Cause = "ECS service shop/orders (ACTIVE): 3 of 3 running, 0 pending";
        var results = Run(Observe(Three) with { EcsCause = Cause }, (_, type) => type == "A" ? A(10, "10.0.0.1", "10.0.0.9", "10.0.0.3") : null);
        Assert.Equal(Cause, Assert.Single(results, r => r.Status == CheckStatus.Fail).Cause);
        Assert.All(results.Where(r => r.Status == CheckStatus.Pass), r => Assert.Null(r.Cause));
    }

    [Fact]
    public void UnhealthyInstanceStillAnswered_Fails()
    {
        var results = Run(Observe(Three, healthy: ["i-1", "i-3"]), (_, type) => type == "A" ? A(10, "10.0.0.1", "10.0.0.2", "10.0.0.3") : null);
        Assert.Equal(
            ["dns-answers: orders.internal.example.com A answers 10.0.0.2, not a healthy registered instance (registered: 10.0.0.1, 10.0.0.3)", "dns-answer-count: orders.internal.example.com A: 3 answers, expected 2 (MULTIVALUE with 2 healthy instances)"],
            Failures(results));
    }

    [Fact]
    public void NoHealthyInstance_RouteFiftyThreeAnswersAsIfAllWereHealthy()
    {
        var results = Run(Observe(Three, healthy: []), (_, type) => type == "A" ? A(10, "10.0.0.1", "10.0.0.2", "10.0.0.3") : null);
        Assert.Empty(Failures(results));
        Assert.Contains("none healthy", results.Single(r => r.Check == "dns-answers").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerCount_MultivalueAtMostEight_WeightedOne()
    {
        var ten = Enumerable.Range(1, 10).Select(i => Instance($"i-{i}", $"10.0.0.{i}", "8080")).ToArray();
        var all = Enumerable.Range(1, 10).Select(i => $"10.0.0.{i}").ToArray();
        Assert.Equal(["dns-answer-count: orders.internal.example.com A: 10 answers, expected 8 (MULTIVALUE with 10 healthy instances)"], Failures(Run(Observe(ten), (_, t) => t == "A" ? A(10, all) : null)));
        Assert.Empty(Failures(Run(Observe(ten), (_, t) => t == "A" ? A(10, all[..8]) : null)));
        Assert.Equal(["dns-answer-count: orders.internal.example.com A: 2 answers, expected 1 (WEIGHTED with 3 healthy instances)"], Failures(Run(Observe(Three, routing: "WEIGHTED"), (_, t) => t == "A" ? A(10, "10.0.0.1", "10.0.0.2") : null)));
    }

    [Fact]
    public void NoData_WithRegisteredInstances_Fails_WithoutInstancesPasses()
    {
        ScriptedReply? NoData(string name, string type) => new("NOERROR", [], [ScriptedDns.Soa(Zone)]);
        Assert.Equal(
            ["dns-answers: orders.internal.example.com A: no answer (NOERROR, no data), but 3 instances are registered", "dns-answer-count: orders.internal.example.com A: 0 answers, expected 3 (MULTIVALUE with 3 healthy instances)"],
            Failures(Run(Observe(Three), NoData)));
        Assert.Empty(Failures(Run(Observe([]), NoData)));
    }

    [Fact]
    public void TtlAboveTheDeclared_Fails()
        => Assert.Equal(["dns-ttl: orders.internal.example.com A: answer TTL 60 s is above the declared 10 s"], Failures(Run(Observe(Three), (_, t) => t == "A" ? A(60, "10.0.0.1", "10.0.0.2", "10.0.0.3") : null)));

    [Fact]
    public void Srv_WrongPortAndUnresolvableTarget_Fail_CleanSrvPasses()
    {
        var observed = Observe(Three[..2], records: [new("A", 10), new("SRV", 10)]);
        ScriptedReply? Answer(string name, string type, string port, bool targetsResolve) => (name, type) switch
        {
            (Name, "A") => A(10, "10.0.0.1", "10.0.0.2"),
            (Name, "SRV") => new("NOERROR", [new(Name, "SRV", 10, $"1 1 8080 i-1.{Name}"), new(Name, "SRV", 10, $"1 1 {port} i-2.{Name}")]),
            ($"i-1.{Name}", "A") => Host(10, $"i-1.{Name}", "10.0.0.1"),
            ($"i-2.{Name}", "A") => targetsResolve ? Host(10, $"i-2.{Name}", "10.0.0.2") : new("NXDOMAIN", [], [ScriptedDns.Soa(Zone)]),
            _ => null,
        };

        Assert.Empty(Failures(Run(observed, (n, t) => Answer(n, t, "8080", true))));
        Assert.Equal(
            [$"dns-srv: SRV answers differ from the registry: i-2.{Name} port 9090, registered 8080; i-2.{Name} resolves to NXDOMAIN, registered 10.0.0.2"],
            Failures(Run(observed, (n, t) => Answer(n, t, "9090", false))));
    }

    [Fact]
    public void ServiceMissingFromTheRegistry_MustNotResolve()
    {
        var missing = Observe([], live: false);
        Assert.Equal(
            ["dns-absent: orders.internal.example.com still resolves to 10.0.0.1, but the service is not in the registry (stale records)"],
            Failures(Run(missing, (_, t) => t == "A" ? A(10, "10.0.0.1") : null)));
        Assert.Empty(Failures(Run(missing, (_, _) => new("NXDOMAIN", [], [ScriptedDns.Soa(Zone)]))));
    }

    [Fact]
    public void ServfailAndTimeout_AreFailuresWithinBounds()
    {
        Assert.Equal(["dns-answers: orders.internal.example.com A: the resolver answered SERVFAIL"], Failures(Run(Observe(Three), (_, t) => t == "A" ? new ScriptedReply("SERVFAIL", []) : null)));
        var clock = Stopwatch.StartNew();
        Assert.Equal(["dns-answers: orders.internal.example.com A: the resolver answered TIMEOUT"], Failures(Run(Observe(Three), (_, _) => null, soaAnswers: true)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public void TruncatedUdpAnswer_IsAskedAgainOverTcp()
    {
        // The server answers UDP with only the truncation bit, as a server whose answer does not fit does.
        var eight = Enumerable.Range(1, 8).Select(i => Instance($"task-{i}-{new string('x', 40)}", $"10.0.1.{i}", "8080")).ToArray();
        var observed = Observe(eight, records: [new("SRV", 10)]);
        using var dns = Server((name, type) => type switch
        {
            "SRV" => new("NOERROR", [.. eight.Select(i => new ScriptedRecord(Name, "SRV", 10, $"1 1 8080 {i.Id}.{Name}"))]) { TruncateOverUdp = true },
            "A" => Host(10, name, eight.Single(i => name.StartsWith(i.Id, StringComparison.Ordinal)).Attributes["AWS_INSTANCE_IPV4"]),
            _ => null,
        });
        var results = Verify(dns, observed);
        Assert.Empty(Failures(results));
        Assert.Contains(dns.Queries, q => q.Type == "SRV" && q.Transport == "Tcp");
    }

    [Fact]
    public void PrivateNamespaceNotVisible_SkipsWithTheReason_PublicOneFails()
    {
        var results = Run(Observe(Three), (_, _) => new("REFUSED", []), soaAnswers: false);
        Assert.Empty(Failures(results));
        Assert.All(results, r => Assert.Equal(CheckStatus.Skip, r.Status));
        Assert.Contains("resolve only inside its VPC", results[0].Message, StringComparison.Ordinal);

        var publicNs = Observe(Three) with { Namespace = new LiveNamespace("ns-1", "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", Zone, "DNS_PUBLIC", 15) };
        Assert.Single(Failures(Run(publicNs, (_, _) => new("NXDOMAIN", []), soaAnswers: false)), f => f.StartsWith("dns-namespace: public namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void HttpNamespaces_AndServicesWithoutRecords_AreNotAsked()
    {
        var httpNs = Observe(Three) with { Namespace = new LiveNamespace("ns-1", "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", Zone, "HTTP", null) };
        var apiOnly = Observe(Three, records: []);
        using var dns = Server((_, type) => type == "A" ? A(10, "10.0.0.1", "10.0.0.2", "10.0.0.3") : null);
        Assert.Empty(Verify(dns, httpNs));
        Assert.Empty(Verify(dns, apiOnly));
        Assert.Empty(dns.Queries);
        Assert.Equal(["dns-namespace", "dns-answers", "dns-answer-count", "dns-ttl"], Verify(dns, Observe(Three)).Select(r => r.Check));
    }

    private static ScriptedReply A(int ttl, params string[] addresses) => new("NOERROR", [.. addresses.Select(a => new ScriptedRecord(Name, "A", ttl, a))]);

    private static ScriptedReply Host(int ttl, string name, string address) => new("NOERROR", [new ScriptedRecord(name, "A", ttl, address)]);

    private static LiveInstance Instance(string id, string ipv4, string port)
        => new(id, new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = ipv4, ["AWS_INSTANCE_PORT"] = port });

    private static ServiceObservation Observe(LiveInstance[] instances, string[]? healthy = null, string routing = "MULTIVALUE", DnsRecordInfo[]? records = null, bool live = true)
        => OrdersObservation.Of(instances, healthy, routing, records, live);

    private static ScriptedDns Server(Func<string, string, ScriptedReply?> script, bool soaAnswers = true)
        => new((name, type) => type == "SOA" && name == Zone && soaAnswers ? new("NOERROR", [ScriptedDns.Soa(Zone)]) : script(name, type));

    private static List<CheckResult> Run(ServiceObservation observed, Func<string, string, ScriptedReply?> script, bool soaAnswers = true)
    {
        using var dns = Server(script, soaAnswers);
        return Verify(dns, observed);
    }

    private static List<CheckResult> Verify(ScriptedDns dns, ServiceObservation observed)
        => [.. new DnsVerifier(new DnsClientResolver(dns.Endpoint)).VerifyAsync([observed], CancellationToken.None).GetAwaiter().GetResult()];

    private static List<string> Failures(IEnumerable<CheckResult> results) => [.. results.Where(r => r.Status == CheckStatus.Fail).Select(r => $"{r.Check}: {r.Message}")];
}
