using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Peers;

/// <summary>
/// aws-cdk integ <c>ec2/cloudmap-container-port</c>: an EC2 (bridge network) service registered with SRV records
/// naming a second container and its port. The library builds Fargate services only (docs/peer-parity.md, "EC2 launch type", says
/// why); the supported route is a plain <c>Ec2Service</c> registered through <see cref="DiscoveryService.RegisterEcsService"/>
/// (checked by <c>ecs-registration</c>), or through the CDK's own <c>AssociateCloudMapService</c>, since our service is a
/// CDK <c>IService</c>. Kept different on purpose: TTL 10 s (ours) instead of the L2's 60 s; FailureThreshold 1.
/// </summary>
public sealed class Ec2PeerTests
{
    [Fact]
    public void Golden_Ec2BridgeServiceRegistersInOurSrvService_Ttl10Not60()
    {
        var (stack, _) = Ec2Stack(DiscoveryRecordTypes.Srv);
        var template = Template.FromStack(stack);
        var registryArn = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { LogicalId(template, "AWS::ServiceDiscovery::Service"), "Arn" } };
        template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["LaunchType"] = "EC2",
            ["ServiceRegistries"] = new object[] { new Dictionary<string, object> { ["ContainerName"] = "name", ["ContainerPort"] = 81, ["RegistryArn"] = registryArn } },
        });
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["Name"] = "name",
            ["DnsConfig"] = new Dictionary<string, object>
            {
                ["DnsRecords"] = new object[] { new Dictionary<string, object> { ["Type"] = "SRV", ["TTL"] = 10 } },
                ["RoutingPolicy"] = "MULTIVALUE",
            },
            ["HealthCheckCustomConfig"] = new Dictionary<string, object> { ["FailureThreshold"] = 1 },
        });
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Ec2Service_ThroughTheCdksOwnAssociateCloudMapService_TakesOurServiceAsAnIService()
    {
        var (stack, parts) = Ec2Stack(DiscoveryRecordTypes.Srv, associate: false);
        parts.Service.AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = parts.Discovery, Container = parts.Container, ContainerPort = 81 });
        Template.FromStack(stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { new Dictionary<string, object> { ["ContainerName"] = "name", ["ContainerPort"] = 81 } },
        });
    }

    [Fact]
    public void Ec2BridgeService_InAnAOnlyService_FailsAtSynthNotAtDeploy()
    {
        // The CDK's AssociateCloudMapService accepts this and ECS rejects it at deploy (aws-cdk #29245).
        var (_, parts) = Ec2Stack(DiscoveryRecordTypes.A, associate: false);
        var error = Findings.Error(() => parts.Discovery.RegisterEcsService(parts.Service, parts.Container, 81));
        Assert.Equal(
            ["DiscoveryService 'TestStack/NameDiscovery': ECS service 'TestStack/Service' (bridge network mode) cannot be found through A records: its tasks share the host's address, only SRV records carry their ports. Create the service with DnsRecords = DiscoveryRecordTypes.Srv. [ecs-discovery:ecs-registration]"],
            error.Errors);
    }

    [Fact]
    public void DiscoveryService_AsCdkIService_ReportsTheEmittedRoutingPolicyAndTheNamespace()
    {
        var stack = TestApp.CreateStack();
        var ns = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = TestApp.ImportedVpc(stack) });
        var service = new DiscoveryService(stack, "Service", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "orders",
            RoutingPolicy = Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.WEIGHTED,
        });
        Amazon.CDK.AWS.ServiceDiscovery.IService cdk = service;
        Assert.Equal(Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.WEIGHTED, cdk.RoutingPolicy);
        Assert.Equal(Amazon.CDK.AWS.ServiceDiscovery.DnsRecordType.A, cdk.DnsRecordType);
        Assert.Equal(Amazon.CDK.AWS.ServiceDiscovery.DiscoveryType.DNS_AND_API, cdk.DiscoveryType);
        Assert.Same(ns.CloudMapNamespace, cdk.Namespace);
        Assert.Equal("orders", cdk.ServiceName);
        Assert.Same(stack, cdk.Stack);
    }

    [Fact]
    public void Ec2BridgeService_InAnApiOnlyService_FailsAtSynth_BecauseTheCdkWouldDropItsContainerAndPort()
    {
        // Found by the generator suite: CDK's AssociateCloudMapService writes containerName/containerPort only for SRV
        // services, and ECS requires both for bridge tasks.
        var (_, parts) = Ec2Stack(DiscoveryRecordTypes.None, associate: false);
        Assert.Equal(
            ["DiscoveryService 'TestStack/NameDiscovery': ECS service 'TestStack/Service' (bridge network mode) cannot be found through an API-only service (no SRV records): its tasks share the host's address, only SRV records carry their ports. Create the service with DnsRecords = DiscoveryRecordTypes.Srv. [ecs-discovery:ecs-registration]"],
            Findings.Error(() => parts.Discovery.RegisterEcsService(parts.Service, parts.Container, 81)).Errors);
    }

    internal sealed record Ec2Parts(Ec2Service Service, ContainerDefinition Container, DiscoveryService Discovery);

    /// <summary>The peer's stack: one EC2 capacity, a bridge task with an nginx and a "name" container on 81.</summary>
    internal static (Stack Stack, Ec2Parts Parts) Ec2Stack(DiscoveryRecordTypes records, bool associate = true)
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc });
        Ec2Capacity.Add(stack, cluster, vpc);
        var ns = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "aws-ecs-integ.internal", Vpc = vpc });
        var discovery = new DiscoveryService(stack, "NameDiscovery", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "name",
            Discovery = records == DiscoveryRecordTypes.None ? Amazon.CDK.AWS.ServiceDiscovery.DiscoveryType.API : null,
            DnsRecords = records == DiscoveryRecordTypes.None ? null : records,
            CustomHealthCheck = new CustomHealthCheckOptions(),
        });
        var task = new Ec2TaskDefinition(stack, "TaskDef");
        task.AddContainer("nginx", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), MemoryReservationMiB = 32, MemoryLimitMiB = 512, PortMappings = [new PortMapping { ContainerPort = 80 }] });
        var name = task.AddContainer("name", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry("nathanpeck/name"),
            Environment = new Dictionary<string, string> { ["PORT"] = "81" },
            MemoryReservationMiB = 32,
            MemoryLimitMiB = 512,
            PortMappings = [new PortMapping { ContainerPort = 81 }],
        });
        var service = new Ec2Service(stack, "Service", new Ec2ServiceProps { Cluster = cluster, TaskDefinition = task, DesiredCount = 3, MinHealthyPercent = 100 });
        if (associate)
        {
            discovery.RegisterEcsService(service, name, 81);
        }

        return (stack, new Ec2Parts(service, name, discovery));
    }

    private static string LogicalId(Template template, string type) => template.FindResources(type).Keys.Single();
}
