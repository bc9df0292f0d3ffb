using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Checks.Registry;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>Facts built in memory for the check classes: a private DNS namespace, an A service "orders" expecting 2 instances.</summary>
internal static class CheckFixtures
{
    public static readonly ExpectedNamespace Ns = new("Shop", "Ns", new TemplateValue("internal.example.com", null), NamespaceKind.PrivateDns, 15);

    public static readonly LiveNamespace LiveNs = new("ns-1", "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", "internal.example.com", "DNS_PRIVATE", 15);

    public static ExpectedService Expected()
        => new("Shop", "Svc", new TemplateValue("orders", null), Ns, [new DnsRecordInfo("A", 10)], "MULTIVALUE", HealthCheckKind.Custom, 2, 2, [new TemplateValue("orders", null)], false);

    public static LiveService Service(string name)
        => new($"srv-{name}", $"arn:aws:servicediscovery:us-east-1:123456789012:service/srv-{name}", name, "ns-1", "MULTIVALUE", [new LiveDnsRecord("A", 10)], true, false);

    public static LiveInstance Instance(string id, string ipv4)
        => new(id, new Dictionary<string, string> { ["AWS_INSTANCE_IPV4"] = ipv4, ["AWS_INSTANCE_PORT"] = "8080", ["ECS_SERVICE_NAME"] = "orders" });

    public static DiscoveredInstance Healthy(string id) => new(id, "HEALTHY", new Dictionary<string, string>());

    public static ServiceFacts Facts(LiveService live, LiveInstance[]? instances = null, DiscoveredInstance[]? discovered = null)
        => new(Expected(), live, instances ?? [], discovered ?? [], false);

    /// <summary>One result as a line: status, check, target, message, expected and actual.</summary>
    public static string Line(CheckResult r) => $"{r.Status} {r.Check} {r.Target} | {r.Message} | {r.Expected} -> {r.Actual}";
}
