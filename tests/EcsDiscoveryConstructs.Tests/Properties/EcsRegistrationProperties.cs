using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using CsCheck;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Xunit.Abstractions;
using static EcsDiscoveryConstructs.Tests.Properties.Values;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// Plain CDK ECS services (EC2 bridge or host, or Fargate) registered through <c>DiscoveryService.RegisterEcsService</c>:
/// every generated case fails with our error or synthesizes what ECS accepts (EcsAcceptance's ServiceRegistry checks).
/// </summary>
public class EcsRegistrationProperties(ITestOutputHelper output)
{
    /// <param name="Mode">awsvpc (a Fargate service), bridge or host (EC2 services).</param>
    /// <param name="Records">The Cloud Map service's record flags (0 = the default A; 16 = API-only).</param>
    /// <param name="Container">null, "web", "name" (the second container) or "foreign" (another task's).</param>
    /// <param name="Port">The container port passed, or null.</param>
    /// <param name="Twice">Register the same ECS service a second time.</param>
    public sealed record Case(string Mode, int Records, string? Container, int? Port, bool Twice);

    private static readonly Gen<Case> Cases =
        Gen.Select(
                Gen.OneOf("awsvpc", "bridge", "host"),
                Mostly(Gen.OneOf(4, 5, 0, 1), Gen.OneOf(2, 6, 8, 16, 3, 7)),
                Mostly(Gen.OneOf<string?>(null, "name"), Gen.OneOf<string?>("web", "foreign")),
                Mostly(Gen.OneOf<int?>(81, 81, 80, null), Gen.OneOf<int?>(0, 8080, 70000, -1)),
                Mostly(Gen.Const(false), Gen.Const(true)))
            .Select(t => new Case(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5));

    [Fact]
    public void GeneratedRegistrations_FailWithOurErrorOrSynthesizeWhatEcsAccepts()
        => PropertyRun.Run(Cases, defaultCases: 120, Judge, output);

    private static SynthOutcome.Kind Judge(Case c)
    {
        var app = TestApp.Create();
        var stack = TestApp.CreateStack(app, "TestStack");
        return SynthOutcome.Judge(app, () =>
        {
            var vpc = TestApp.ImportedVpc(stack);
            var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc });
            var ns = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = vpc });
            var discovery = new DiscoveryService(stack, "Discovery", new DiscoveryServiceProps
            {
                Namespace = ns,
                Name = "name",
                Discovery = c.Records == 16 ? Amazon.CDK.AWS.ServiceDiscovery.DiscoveryType.API : null,
                DnsRecords = c.Records is 0 or 16 ? null : (DiscoveryRecordTypes)c.Records,
                CustomHealthCheck = new CustomHealthCheckOptions(),
            });
            var (service, task) = c.Mode == "awsvpc" ? Fargate(stack, cluster) : Ec2(stack, cluster, vpc, c.Mode);
            var other = new FargateTaskDefinition(stack, "Other");
            var container = c.Container switch
            {
                null => null,
                "foreign" => other.AddContainer("foreign", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), PortMappings = [new PortMapping { ContainerPort = 81 }] }),
                _ => task.FindContainer(c.Container),
            };
            discovery.RegisterEcsService(service, container, c.Port);
            if (c.Twice)
            {
                discovery.RegisterEcsService(service, container, c.Port);
            }
        });
    }

    private static (BaseService Service, TaskDefinition Task) Fargate(Amazon.CDK.Stack stack, Cluster cluster)
    {
        var task = new FargateTaskDefinition(stack, "TaskDef");
        AddContainers(task, memory: null);
        return (new FargateService(stack, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = task, MinHealthyPercent = 100 }), task);
    }

    private static (BaseService Service, TaskDefinition Task) Ec2(Amazon.CDK.Stack stack, Cluster cluster, IVpc vpc, string mode)
    {
        Ec2Capacity.Add(stack, cluster, vpc);
        var task = new Ec2TaskDefinition(stack, "TaskDef", new Ec2TaskDefinitionProps { NetworkMode = mode == "host" ? NetworkMode.HOST : NetworkMode.BRIDGE });
        AddContainers(task, memory: 256);
        return (new Ec2Service(stack, "Service", new Ec2ServiceProps { Cluster = cluster, TaskDefinition = task, MinHealthyPercent = 100 }), task);
    }

    /// <summary>The EC2 peer's two containers: "web" on 80 and "name" on 81.</summary>
    private static void AddContainers(TaskDefinition task, int? memory)
    {
        _ = task.AddContainer("web", new ContainerDefinitionOptions { ContainerName = "web", Image = ContainerImage.FromRegistry("nginx"), MemoryLimitMiB = memory, PortMappings = [new PortMapping { ContainerPort = 80 }] });
        _ = task.AddContainer("name", new ContainerDefinitionOptions { ContainerName = "name", Image = ContainerImage.FromRegistry("nathanpeck/name"), MemoryLimitMiB = memory, PortMappings = [new PortMapping { ContainerPort = 81 }] });
    }
}
