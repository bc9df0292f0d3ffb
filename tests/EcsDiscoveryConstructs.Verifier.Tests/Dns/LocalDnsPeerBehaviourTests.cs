using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.LocalPeers;
using EcsDiscoveryConstructs.Verifier.Tests.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>What the local DNS peer answers, over an in-memory registry (fast; LocalDnsPeerTests run it against moto): one Route 53 behaviour per test.</summary>
public sealed class LocalDnsPeerBehaviourTests : IDisposable
{
    private readonly FakeRegistry registry = new();
    private readonly LocalDnsPeer peer;
    private readonly DnsClientResolver resolver;

    public LocalDnsPeerBehaviourTests()
    {
        peer = new LocalDnsPeer(registry, LoopbackPorts.UdpAndTcp());
        resolver = new DnsClientResolver(peer.Endpoint);
    }

    public void Dispose() => peer.Dispose();

    private DnsAnswer Query(string name, string type) => resolver.QueryAsync(name, type, CancellationToken.None).GetAwaiter().GetResult();

    private static string Show(DnsAnswer answer) => $"{answer.Code} [{string.Join(", ", answer.Answers.Select(r => $"{r.Name} {r.Type} {r.Ttl} {r.Value}"))}] authority [{string.Join(", ", answer.Authority.Select(r => $"{r.Name} {r.Type} {r.Ttl}"))}]";

    private void Register(LiveService service, string id, params (string Key, string Value)[] attributes)
        => registry.RegisterInstanceAsync(service.Id, id, attributes.ToDictionary(a => a.Key, a => a.Value), CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void TheApex_AnswersItsSoaWithTheNamespaceTtl_AndOtherTypesWithNoData()
    {
        registry.Namespace("Shop.Internal", soaTtl: 60);
        registry.Namespace("bare.internal", soaTtl: null);
        Assert.Equal("NOERROR [shop.internal SOA 60 ns-1.local-dns.invalid] authority []", Show(Query("shop.internal", "SOA")));
        Assert.Equal("NOERROR [] authority [shop.internal SOA 60]", Show(Query("SHOP.internal", "A")));
        Assert.Equal("NOERROR [bare.internal SOA 15 ns-1.local-dns.invalid] authority []", Show(Query("bare.internal", "SOA")));
    }

    [Fact]
    public void NamesOutsideEveryDnsNamespace_AreRefused_HttpNamespacesIncluded()
    {
        registry.Namespace("shop.internal");
        registry.Namespace("api.internal", "HTTP", soaTtl: null);
        registry.Namespace("public.example.com", "DNS_PUBLIC");
        Assert.Equal("REFUSED", Query("example.org", "A").Code);
        Assert.Equal("REFUSED", Query("xshop.internal", "A").Code);
        Assert.Equal("REFUSED", Query("orders.api.internal", "A").Code);
        Assert.Equal("NXDOMAIN", Query("www.public.example.com", "A").Code);
    }

    [Fact]
    public void TheLongestMatchingNamespace_Answers()
    {
        var outer = registry.Namespace("internal");
        var inner = registry.Namespace("shop.internal", soaTtl: 30);
        registry.Instance(registry.Service(outer, "orders.shop"), "i-outer", "10.0.0.1");
        registry.Instance(registry.Service(inner, "orders"), "i-inner", "10.0.0.2");
        Assert.Equal("NOERROR [orders.shop.internal A 10 10.0.0.2] authority []", Show(Query("orders.shop.internal", "A")));
        Assert.Equal("NXDOMAIN [] authority [shop.internal SOA 30]", Show(Query("nothing.shop.internal", "A")));
    }

    [Fact]
    public void MultivalueAnswersUpToEight_WeightedOne_WithTheRecordsTtl()
    {
        var ns = registry.Namespace("shop.internal");
        var many = registry.Service(ns, "many", ttl: 20);
        var one = registry.Service(ns, "one", routing: "WEIGHTED");
        for (var i = 1; i <= 10; i++)
        {
            registry.Instance(many, $"m-{i}", $"10.0.1.{i}");
            registry.Instance(one, $"o-{i}", $"10.0.2.{i}");
        }

        var answer = Query("many.shop.internal", "A");
        Assert.Equal(8, answer.Answers.Count);
        Assert.All(answer.Answers, r => Assert.Equal((20L, "A"), (r.Ttl, r.Type)));
        Assert.Equal(8, answer.Answers.Select(r => r.Value).Distinct().Count());
        Assert.Single(Query("ONE.shop.internal", "A").Answers);
    }

    [Fact]
    public void UnhealthyInstances_AreLeftOut_UnlessNoneIsHealthy_AndHealthIsAskedOnlyWithAHealthCheck()
    {
        var ns = registry.Namespace("shop.internal");
        var checkedService = registry.Service(ns, "orders");
        registry.Instance(checkedService, "i-1", "10.0.0.1");
        registry.Instance(checkedService, "i-2", "10.0.0.2", health: "UNHEALTHY");
        Assert.Equal(["10.0.0.1"], Query("orders.shop.internal", "A").Answers.Select(r => r.Value));
        var allSick = registry.Service(ns, "sick");
        registry.Instance(allSick, "s-1", "10.0.1.1", health: "UNHEALTHY");
        registry.Instance(allSick, "s-2", "10.0.1.2", health: "UNHEALTHY");
        Assert.Equal(["10.0.1.1", "10.0.1.2"], Query("sick.shop.internal", "A").Answers.Select(r => r.Value).Order());
        var plainService = registry.Service(ns, "plain", custom: false);
        registry.Instance(plainService, "p-1", "10.0.2.1", health: "UNHEALTHY");
        Assert.Equal(["10.0.2.1"], Query("plain.shop.internal", "A").Answers.Select(r => r.Value));
        Assert.DoesNotContain(registry.Calls, c => c.StartsWith("DiscoverInstances shop.internal plain", StringComparison.Ordinal));
        Assert.Contains(registry.Calls, c => c.StartsWith("DiscoverInstances shop.internal orders", StringComparison.Ordinal));
    }

    [Fact]
    public void SrvAnswersCarryThePort_AndTheirTargetsResolve_OnlyForSrvServices()
    {
        var ns = registry.Namespace("shop.internal");
        var srv = registry.Service(ns, "api", ttl: 30, types: ["A", "SRV"]);
        Register(srv, "task-1", ("AWS_INSTANCE_IPV4", "10.0.0.7"), ("AWS_INSTANCE_PORT", "8443"));
        Register(srv, "task-2", ("AWS_INSTANCE_IPV4", "10.0.0.8"), ("AWS_INSTANCE_PORT", "not-a-port"));
        Assert.Equal("NOERROR [api.shop.internal SRV 30 1 1 8443 task-1.api.shop.internal] authority []", Show(Query("api.shop.internal", "SRV")));
        Assert.Equal("NOERROR [task-1.api.shop.internal A 30 10.0.0.7] authority []", Show(Query("TASK-1.api.shop.internal", "A")));
        Assert.Equal("NOERROR [] authority [shop.internal SOA 15]", Show(Query("task-1.api.shop.internal", "AAAA")));
        Assert.Equal("NXDOMAIN", Query("task-9.api.shop.internal", "A").Code);
        var plain = registry.Service(ns, "web");
        registry.Instance(plain, "w-1", "10.0.0.9");
        Assert.Equal("NXDOMAIN", Query("w-1.web.shop.internal", "A").Code);
    }

    [Fact]
    public void AaaaAndCname_AreAnsweredFromTheirAttributes()
    {
        var ns = registry.Namespace("shop.internal");
        var v6 = registry.Service(ns, "v6", types: ["AAAA"]);
        Register(v6, "i-1", ("AWS_INSTANCE_IPV6", "2001:db8::1"));
        Register(v6, "i-2", ("AWS_INSTANCE_IPV6", "not-an-address"));
        var cname = registry.Service(ns, "legacy", routing: "WEIGHTED", types: ["CNAME"]);
        Register(cname, "c-1", ("AWS_INSTANCE_CNAME", "old.example.com"));
        Assert.Equal("NOERROR [v6.shop.internal AAAA 10 2001:db8::1] authority []", Show(Query("v6.shop.internal", "AAAA")));
        Assert.Equal("NOERROR [legacy.shop.internal CNAME 10 old.example.com] authority []", Show(Query("legacy.shop.internal", "CNAME")));
        Assert.Equal("NOERROR [] authority [shop.internal SOA 15]", Show(Query("v6.shop.internal", "A")));
    }

    [Fact]
    public void AServiceWithoutDnsRecords_DoesNotExistInDns()
    {
        var ns = registry.Namespace("shop.internal");
        registry.Service(ns, "api-only", routing: null, apiOnly: true);
        Assert.Equal("NXDOMAIN", Query("api-only.shop.internal", "A").Code);
    }

    [Fact]
    public async Task AnUnreadableRegistry_AnswersServfail()
    {
        using var failing = new LocalDnsPeer(new FailingRegistry(new CloudMapException("ListNamespaces", "AccessDenied", "no")), LoopbackPorts.UdpAndTcp());
        Assert.Equal("SERVFAIL", (await new DnsClientResolver(failing.Endpoint).QueryAsync("orders.shop.internal", "A", CancellationToken.None)).Code);
    }
}
