using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using CsCheck;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Xunit.Abstractions;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// One model, two sources, over generated stacks: whatever mix of namespaces, Cloud Map services (records, TTL, routing,
/// health), Fargate services (desired counts, autoscaling, Service Connect, dual discovery), plain CDK services and
/// declared instances a stack holds, the canary's model equals what <c>verify</c> derives from the template.
/// </summary>
public class CanaryModelProperties(ITestOutputHelper output)
{
    /// <param name="Kind">dns, sc, dual or raw (a plain CDK FargateService in a plain Cloud Map service without a name).</param>
    /// <param name="Desired">The desired count.</param>
    /// <param name="Scaling">Autoscaling minimum and maximum, or null.</param>
    /// <param name="Records">Record flags for dns services (1 A, 2 AAAA, 4 SRV, 5 A+SRV).</param>
    /// <param name="Ttl">The DNS TTL in seconds.</param>
    /// <param name="Weighted">Weighted routing instead of multivalue.</param>
    public sealed record Member(string Kind, int Desired, (int Min, int Max)? Scaling, int Records, int Ttl, bool Weighted);

    /// <param name="Members">The services.</param>
    /// <param name="SoaTtl">The namespace's SOA TTL, or null for the default.</param>
    /// <param name="HttpInstances">Instances declared in an HTTP namespace's service (0: no HTTP namespace).</param>
    public sealed record Case(IReadOnlyList<Member> Members, int? SoaTtl, int HttpInstances);

    private static readonly Gen<Member> Members =
        Gen.Select(
                Gen.OneOf("dns", "dns", "sc", "dual", "raw"),
                Gen.Int[0, 12],
                Gen.Frequency((3, Gen.Const(((int, int)?)null)), (2, Gen.Int[1, 4].SelectMany(min => Gen.Int[min, 30].Select(max => ((int, int)?)(min, max))))),
                Gen.OneOf(1, 1, 4, 5),
                Gen.Int[1, 300],
                Gen.Bool)
            .Select(t => new Member(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6));

    private static readonly Gen<Case> Cases =
        Gen.Select(Members.List[1, 4], Gen.Frequency((1, Gen.Const((int?)null)), (1, Gen.Int[1, 600].Select(n => (int?)n))), Gen.Int[0, 2])
            .Select(t => new Case(t.Item1, t.Item2, t.Item3));

    [Fact]
    public void GeneratedStacks_CanaryModelEqualsWhatVerifyDerives()
        => PropertyRun.Check(Cases, defaultCases: 25, Check, output);

    private static void Check(Case c)
    {
        var w = new Workloads();
        if (c.SoaTtl is { } soa)
        {
            w.Namespace.SetSoaTtl(Duration.Seconds(soa));
        }

        for (var i = 0; i < c.Members.Count; i++)
        {
            Add(w, c.Members[i], i);
        }

        if (c.HttpInstances > 0)
        {
            var external = new DiscoveryService(w.Stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.HttpNamespace(w.Stack), Name = "legacy" });
            for (var i = 0; i < c.HttpInstances; i++)
            {
                external.RegisterIpInstance($"Host{i}", new IpInstanceOptions { Ipv4 = $"10.0.0.{10 + i}", Port = 8080 });
            }
        }

        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });
        var (canary, verify) = CanaryTemplate.Models(w.Stack);
        CanaryTemplate.AssertSameModel(canary, verify);
    }

    private static void Add(Workloads w, Member m, int i)
    {
        if (m.Kind == "raw")
        {
            var service = new Amazon.CDK.AWS.ServiceDiscovery.Service(w.Stack, $"Raw{i}", new Amazon.CDK.AWS.ServiceDiscovery.ServiceProps { Namespace = w.Namespace.CloudMapNamespace, DnsTtl = Duration.Seconds(m.Ttl), CustomHealthCheck = new Amazon.CDK.AWS.ServiceDiscovery.HealthCheckCustomConfig { FailureThreshold = 1 } });
            var task = new FargateTaskDefinition(w.Stack, $"RawTask{i}");
            task.AddContainer("web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), PortMappings = [new PortMapping { ContainerPort = 80 }] });
            var raw = new FargateService(w.Stack, $"RawService{i}", new FargateServiceProps { Cluster = w.Cluster, TaskDefinition = task, DesiredCount = m.Desired });
            raw.AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = service });
            if (m.Scaling is { } rawScaling)
            {
                raw.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps { MinCapacity = rawScaling.Min, MaxCapacity = rawScaling.Max }).ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = 70 });
            }

            return;
        }

        var sc = m.Kind is "sc" or "dual";
        var dns = m.Kind is "dns" or "dual";
        var fargate = new DiscoverableFargateService(w.Stack, $"Service{i}", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = $"service-{i}",
            Container = Workloads.WebContainer(),
            DesiredCount = m.Desired,
            CloudMap = dns ? new CloudMapRegistrationOptions
            {
                Namespace = w.Namespace,
                DnsTtl = Duration.Seconds(m.Ttl),
                DnsRecords = m.Kind == "dual" ? null : (DiscoveryRecordTypes)m.Records,
                RoutingPolicy = m.Weighted && m.Kind != "dual" ? Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.WEIGHTED : null,
            } : null,
            ServiceConnect = sc ? new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] } : null,
            DualDiscovery = m.Kind == "dual",
        });
        if (m.Scaling is { } scaling)
        {
            fargate.AutoScale(new TaskScalingOptions { MinCapacity = scaling.Min, MaxCapacity = scaling.Max });
        }
    }
}
