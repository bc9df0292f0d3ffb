using Amazon.CDK.AWS.ServiceDiscovery;
using CsCheck;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Xunit.Abstractions;
using static EcsDiscoveryConstructs.Tests.Properties.Values;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>Generated namespaces (created and imported) with discovery services in them.</summary>
public class NamespaceServiceProperties(ITestOutputHelper output)
{
    public sealed record ServiceCase(string Name, int? Records, double? DnsTtlMs, string? Routing, string? Discovery, string Health, string? HealthPath, int? Threshold, bool LoadBalancer, int Tags, int DescriptionLength);

    public sealed record NamespaceCase(string Kind, string Name, double? SoaTtlMs, int Tags, ServiceCase[] Services, int StackTags);

    private static readonly Gen<ServiceCase> Service =
        Gen.Select(
                Name,
                Records,
                Millis,
                Mostly(Gen.Const(default(string)), Gen.OneOf<string?>("MULTIVALUE", "WEIGHTED")),
                Mostly(Gen.Const(default(string)), Gen.OneOf<string?>("API", "DNS_AND_API")),
                Mostly(Gen.Const("Custom"), Gen.OneOf("None", "Route53Http", "Route53Tcp")),
                Mostly(Gen.Const(default(string)), Gen.OneOf<string?>("/health", "health", new string('p', 300))),
                Mostly(Gen.Const(default(int?)), Gen.OneOf<int?>(0, 1, 3, 10, 11)))
            .SelectMany(t => Gen.Select(Mostly(Gen.Const(false), Gen.Const(true)), TagCount, Mostly(Gen.Const(0), Gen.OneOf(20, 1025)))
                .Select(u => new ServiceCase(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, u.Item1, u.Item2, u.Item3)));

    private static readonly Gen<NamespaceCase> Case =
        Gen.OneOf("Private", "Public", "Http", "ImportedPrivate", "ImportedHttp")
            .SelectMany(kind => Gen.Select(kind.EndsWith("Http", StringComparison.Ordinal) ? HttpNamespaceName : DnsNamespaceName, Millis, TagCount, Service.Array[1, 3], Mostly(Gen.Const(0), Gen.OneOf(1, 2)))
                .Select(t => new NamespaceCase(kind, t.Item1, kind is "Private" or "Public" ? t.Item2 : null, t.Item3, t.Item4, t.Item5)));

    [Fact]
    public void GeneratedNamespacesAndServices_FailWithOurErrorOrSynthesizeWhatAwsAccepts()
        => PropertyRun.Run(Case, defaultCases: 150, Judge, output);

    private static SynthOutcome.Kind Judge(NamespaceCase c)
    {
        var app = TestApp.Create();
        var stack = TestApp.CreateStack(app, "TestStack");
        return SynthOutcome.Judge(app, () =>
        {
            var ns = Namespace(stack, c);
            foreach (var (s, i) in c.Services.Select((s, i) => (s, i)))
            {
                _ = new DiscoveryService(stack, $"Service{i}", new DiscoveryServiceProps
                {
                    Namespace = ns,
                    Name = Str(s.Name),
                    Description = s.DescriptionLength == 0 ? null : new string('d', s.DescriptionLength),
                    Discovery = s.Discovery switch { "API" => DiscoveryType.API, "DNS_AND_API" => DiscoveryType.DNS_AND_API, _ => null },
                    DnsRecords = (DiscoveryRecordTypes?)s.Records,
                    DnsTtl = Duration(s.DnsTtlMs),
                    RoutingPolicy = s.Routing switch { "MULTIVALUE" => RoutingPolicy.MULTIVALUE, "WEIGHTED" => RoutingPolicy.WEIGHTED, _ => null },
                    CustomHealthCheck = s.Health == "Custom" ? new CustomHealthCheckOptions { FailureThreshold = s.Threshold } : null,
                    Route53HealthCheck = s.Health.StartsWith("Route53", StringComparison.Ordinal)
                        ? new Route53HealthCheckOptions { Type = s.Health == "Route53Tcp" ? HealthCheckType.TCP : HealthCheckType.HTTP, ResourcePath = s.HealthPath, FailureThreshold = s.Threshold }
                        : null,
                    LoadBalancer = s.LoadBalancer,
                    Tags = Tags(s.Tags, "s"),
                });
            }

            for (var i = 0; i < c.StackTags; i++)
            {
                Amazon.CDK.Tags.Of(stack).Add($"stack{i}", "v");
            }
        });
    }

    private static IDiscoveryNamespace Namespace(Amazon.CDK.Stack stack, NamespaceCase c)
    {
        var attributes = new DiscoveryNamespaceAttributes
        {
            NamespaceId = "ns-ylexjili4cdxy3xm",
            NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm",
            NamespaceName = Str(c.Name),
        };
        return c.Kind switch
        {
            "Private" => new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = Str(c.Name), Vpc = TestApp.ImportedVpc(stack), SoaTtl = Duration(c.SoaTtlMs), Tags = Tags(c.Tags, "n") }),
            "Public" => new PublicDnsDiscoveryNamespace(stack, "Namespace", new PublicDnsDiscoveryNamespaceProps { Name = Str(c.Name), SoaTtl = Duration(c.SoaTtlMs), Tags = Tags(c.Tags, "n") }),
            "Http" => new HttpDiscoveryNamespace(stack, "Namespace", new HttpDiscoveryNamespaceProps { Name = Str(c.Name), Tags = Tags(c.Tags, "n") }),
            "ImportedPrivate" => PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Namespace", attributes),
            _ => HttpDiscoveryNamespace.FromAttributes(stack, "Namespace", attributes),
        };
    }
}
