using CsCheck;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Xunit.Abstractions;
using static EcsDiscoveryConstructs.Tests.Properties.Values;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// Generated instances registered outside ECS (addresses, ports, CNAME targets, ids and attributes drawn from the edges
/// of RegisterInstance's patterns and lengths) in generated services: each fails with our error or synthesizes what
/// Cloud Map accepts (<see cref="InstanceAcceptance"/>).
/// </summary>
public class InstanceProperties(ITestOutputHelper output)
{
    public sealed record InstanceCase(string? Ipv4, string? Ipv6, int? Port, string? Cname, string? InstanceId, (string Key, string Value)[] Attributes, int FillAttributes);

    public sealed record ServiceCase(string Namespace, int? Records, string Health, InstanceCase[] Instances);

    /// <summary>An instance whose fields fit the service (<paramref name="records"/>, a Route 53 check) seven times in eight each, else hostile.</summary>
    private static Gen<InstanceCase> Instance(int? records, bool route53)
    {
        var flags = records ?? 1;
        var api = records is null;
        Gen<string?> Fitting(bool needed, string value) => Gen.Const(needed ? value : null);
        var ipv4 = Mostly(
            Fitting(api || (flags & 1) != 0 || flags == 4, "10.0.0.5"),
            Gen.OneOf<string?>(null, "0.0.0.0", "255.255.255.255", "256.0.0.1", "010.0.0.2", "0x0a.0.0.5", "10.0.0", "167772165", " 10.0.0.5", "10.0.0.5\n", "::ffff:10.0.0.5", "", "１０.0.0.5"),
            Gen.Const<string?>(TokenMarker));
        var ipv6 = Mostly(
            Fitting((flags & 2) != 0, "2001:db8::5"),
            Gen.OneOf<string?>(null, "::", "::1", "::ffff:10.0.0.5", "1:2:3:4:5:6:7:8", "2001:DB8::5", "2001:0db8:85a3:0000:0000:abcd:0001:2345", "[2001:db8::5]", "fe80::1%eth0", "2001:db8:::5", "1:2:3:4:5:6:7:8:9", "1::2::3", "2001:db8::5/128", "::ffff:010.0.0.5", ""),
            Gen.Const<string?>(TokenMarker));
        var port = Mostly(Gen.Const((flags & 4) != 0 || route53 ? (int?)8080 : null), Gen.OneOf<int?>(null, 0, 1, 80, 65535, 65536, -1));
        var cname = Mostly(
            Fitting(flags == 8, "old.example.com"),
            Gen.OneOf<string?>(null, "", ".", "old.example.com.", "old example.com", "bücher.example", "old..example.com", "*.example.com", new string('c', 64) + ".example.com"),
            Gen.Int[250, 300].Select(n => (string?)string.Join('.', Enumerable.Range(0, (n / 50) + 1).Select(_ => new string('c', 49)))[..n]),
            Gen.Const<string?>(TokenMarker));
        var instanceId = Mostly(
            Gen.OneOf<string?>(null, null, "web-1", "web-2"),
            Gen.OneOf<string?>("", "web 1", "web:1@a.b/c_d", new string('i', 64), new string('i', 65), "ïd"),
            Gen.Const<string?>(TokenMarker));
        var key = Mostly(
            Gen.OneOf("zone", "url", "version"),
            Gen.OneOf("AWS_INIT_HEALTH_STATUS", "AWS_INSTANCE_IPV4", "AWS_INSTANCE_PORT", "AWS_EC2_INSTANCE_ID", "AWS_OTHER", "", "two words", "tab\t", "ключ", new string('k', 255), new string('k', 256)),
            Gen.Const(TokenMarker));
        var value = Mostly(
            Gen.OneOf("a", "https://orders.example.com", "HEALTHY"),
            Gen.OneOf("", " lead", "trail ", "tab\tinside", "\ttab", "line\nbreak", "café", "UNHEALTHY", "healthy", "i-0123456789abcdef0", "i-XYZ", new string('v', 1024), new string('v', 1025)),
            Gen.Const(TokenMarker));
        var attributes = api ? Gen.Select(key, value).Array[1, 3] : Gen.Select(key, value).Array[0, 3];
        return Gen.Select(ipv4, ipv6, port, cname, instanceId, attributes, Mostly(Gen.Const(0), Gen.OneOf(5, 30, 31)))
            .Select(t => new InstanceCase(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));
    }

    private static readonly Gen<ServiceCase> Case =
        Gen.Select(Gen.OneOf("Private", "Public", "Http"), Gen.OneOf<int?>(null, 1, 2, 4, 5, 6, 7, 8), Gen.OneOf("Custom", "None", "Route53"))
            .SelectMany(t =>
            {
                // An HTTP namespace's services are API-only whatever the records say.
                var records = t.Item1 == "Http" ? null : t.Item2;
                return Instance(records, t.Item3 == "Route53").Array[1, 2].Select(instances => new ServiceCase(t.Item1, t.Item2, t.Item3, instances));
            });

    [Fact]
    public void GeneratedInstances_FailWithOurErrorOrSynthesizeWhatCloudMapAccepts()
        => PropertyRun.Run(Case, defaultCases: 200, Judge, output);

    private static SynthOutcome.Kind Judge(ServiceCase c)
    {
        var app = TestApp.Create();
        var stack = TestApp.CreateStack(app, "TestStack");
        return SynthOutcome.Judge(app, () =>
        {
            IDiscoveryNamespace ns = c.Namespace switch
            {
                "Private" => new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = TestApp.ImportedVpc(stack) }),
                "Public" => new PublicDnsDiscoveryNamespace(stack, "Namespace", new PublicDnsDiscoveryNamespaceProps { Name = "example.com" }),
                _ => new HttpDiscoveryNamespace(stack, "Namespace", new HttpDiscoveryNamespaceProps { Name = "internal-api" }),
            };
            var service = new DiscoveryService(stack, "Service", new DiscoveryServiceProps
            {
                Namespace = ns,
                Name = "orders",
                DnsRecords = (DiscoveryRecordTypes?)c.Records,
                CustomHealthCheck = c.Health == "Custom" ? new CustomHealthCheckOptions() : null,
                Route53HealthCheck = c.Health == "Route53" ? new Route53HealthCheckOptions() : null,
            });
            foreach (var (instance, i) in c.Instances.Select((instance, i) => (instance, i)))
            {
                var attributes = new Dictionary<string, string>();
                foreach (var (key, value) in instance.Attributes)
                {
                    attributes[Str(key)] = Str(value);
                }

                for (var n = 0; n < instance.FillAttributes; n++)
                {
                    attributes[$"fill{n}"] = new string('f', 160);
                }

                var custom = attributes.Count == 0 ? null : attributes;
                _ = instance.Cname is not null
                    ? service.RegisterCnameInstance($"Instance{i}", new CnameInstanceOptions { InstanceCname = Optional(instance.Cname), InstanceId = Optional(instance.InstanceId), CustomAttributes = custom })
                    : instance.Ipv4 is not null || instance.Ipv6 is not null || instance.Port is not null
                        ? service.RegisterIpInstance($"Instance{i}", new IpInstanceOptions { Ipv4 = Optional(instance.Ipv4), Ipv6 = Optional(instance.Ipv6), Port = instance.Port, InstanceId = Optional(instance.InstanceId), CustomAttributes = custom })
                        : service.RegisterNonIpInstance($"Instance{i}", new NonIpInstanceOptions { InstanceId = Optional(instance.InstanceId), CustomAttributes = custom });
            }
        });
    }

    private static string? Optional(string? value) => value is null ? null : Str(value);
}
