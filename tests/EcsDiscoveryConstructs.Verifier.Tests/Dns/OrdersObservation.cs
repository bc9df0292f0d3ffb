using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>The registry state the DNS tests set: a service <c>orders</c> in the private namespace <c>internal.example.com</c>.</summary>
internal static class OrdersObservation
{
    public const string Zone = "internal.example.com";

    public const string Name = "orders.internal.example.com";

    /// <summary>What the registry check would have observed, with <paramref name="healthy"/> healthy (all when null).</summary>
    public static ServiceObservation Of(IReadOnlyList<LiveInstance> instances, IEnumerable<string>? healthy = null, string routing = "MULTIVALUE", DnsRecordInfo[]? records = null, bool live = true)
    {
        records ??= [new("A", 10)];
        var ns = new ExpectedNamespace("Shop", "Ns", new TemplateValue(Zone, null), NamespaceKind.PrivateDns, 15);
        var expected = new ExpectedService("Shop", "Svc", new TemplateValue("orders", null), ns, records, routing, HealthCheckKind.Custom, instances.Count, instances.Count, [], false);
        var liveService = live ? new LiveService("srv-1", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1", "orders", "ns-1", routing, [.. records.Select(r => new LiveDnsRecord(r.Type, r.Ttl))], true, false) : null;
        return new ServiceObservation(expected, new LiveNamespace("ns-1", "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", Zone, "DNS_PRIVATE", 15), liveService, instances, (healthy ?? instances.Select(i => i.Id)).ToHashSet());
    }
}
