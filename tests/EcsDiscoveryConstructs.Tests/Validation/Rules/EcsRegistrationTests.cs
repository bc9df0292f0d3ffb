using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.Peers;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class EcsRegistrationTests
{
    private const string Prefix = "DiscoveryService 'TestStack/NameDiscovery': ";

    [Fact]
    public void PlainFargateService_InAnASrvService_GetsItsContainerAndPort_FromTheOnlyMapping()
    {
        var w = new Workloads();
        var discovery = new DiscoveryService(w.Stack, "Orders", new DiscoveryServiceProps { Namespace = w.Namespace, Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        var task = new FargateTaskDefinition(w.Stack, "Task");
        _ = task.AddContainer("app", Workloads.WebContainer());
        var service = new FargateService(w.Stack, "Plain", new FargateServiceProps { Cluster = w.Cluster, TaskDefinition = task, MinHealthyPercent = 100 });
        discovery.RegisterEcsService(service);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { new Dictionary<string, object> { ["ContainerName"] = "app", ["ContainerPort"] = 8080 } },
        });
    }

    [Fact]
    public void SecondRegistry_ForeignContainer_AndUnmappedPort_FailWithMessages()
    {
        var (stack, parts) = Ec2PeerTests.Ec2Stack(DiscoveryRecordTypes.Srv);
        var other = new Ec2TaskDefinition(stack, "Other");
        var foreign = other.AddContainer("foreign", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), MemoryLimitMiB = 64 });
        Assert.Equal(
            [
                Prefix + "ECS service 'TestStack/Service' already has a service registry: ECS takes one per service. Register it in one Cloud Map service only (use Service Connect for a second name). [ecs-discovery:ecs-registration]",
                Prefix + "container 'foreign' is not a container of ECS service 'TestStack/Service''s task definition (containers: 'nginx': 80; 'name': 81). Pass a container of the service's own task definition. [ecs-discovery:ecs-registration]",
            ],
            Findings.Error(() => parts.Discovery.RegisterEcsService(parts.Service, foreign, 81)).Errors);

        var (_, fresh) = Ec2PeerTests.Ec2Stack(DiscoveryRecordTypes.Srv, associate: false);
        Assert.Equal(
            [Prefix + "container 'name' and containerPort 80 do not name one container and a port mapped on it, which SRV records need (containers: 'nginx': 80; 'name': 81). Pass the container and one of its mapped ports, e.g. RegisterEcsService(service, container, 8080). [ecs-discovery:ecs-registration]"],
            Findings.Error(() => fresh.Discovery.RegisterEcsService(fresh.Service, fresh.Container, 80)).Errors);
        Assert.Equal(
            [Prefix + "container (not set) and containerPort (not set) do not name one container and a port mapped on it, which SRV records need (containers: 'nginx': 80; 'name': 81). Pass the container and one of its mapped ports, e.g. RegisterEcsService(service, container, 8080). [ecs-discovery:ecs-registration]"],
            Findings.Error(() => fresh.Discovery.RegisterEcsService(fresh.Service)).Errors);
        Assert.Equal(
            [Prefix + "containerPort 0 is out of range: use 1-65535. Use a port mapped on the container. [ecs-discovery:ecs-registration]"],
            Findings.Error(() => fresh.Discovery.RegisterEcsService(fresh.Service, fresh.Container, 0)).Errors);
    }

    [Fact]
    public void AaaaRecords_AndANamespaceInAnotherVpc_FailWithMessages()
    {
        var w = new Workloads();
        var otherVpc = TestApp.ImportedVpc(w.Stack, "OtherVpc", "vpc-0fedcba9876543210");
        var ns = new PrivateDnsDiscoveryNamespace(w.Stack, "Elsewhere", new PrivateDnsDiscoveryNamespaceProps { Name = "elsewhere.internal", Vpc = otherVpc });
        var discovery = new DiscoveryService(w.Stack, "NameDiscovery", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = DiscoveryRecordTypes.Aaaa });
        var task = new FargateTaskDefinition(w.Stack, "Task");
        _ = task.AddContainer("app", Workloads.WebContainer());
        var service = new FargateService(w.Stack, "Plain", new FargateServiceProps { Cluster = w.Cluster, TaskDefinition = task, MinHealthyPercent = 100 });
        Assert.Equal(
            [
                Prefix + "ECS service 'TestStack/Plain' in a service with AAAA records cannot be registered: ECS fills only the IPv4 address and port (A, SRV or A+SRV). Create the service with DnsRecords = DiscoveryRecordTypes.Srv (or A | Srv for awsvpc tasks). [ecs-discovery:ecs-registration]",
                Prefix + "ECS service 'TestStack/Plain' runs in VPC 'vpc-0123456789abcdef0', but namespace 'elsewhere.internal' answers only in VPC 'vpc-0fedcba9876543210': its tasks could not resolve the names. Use a namespace created for the cluster's VPC. [ecs-discovery:ecs-registration]",
            ],
            Findings.Error(() => discovery.RegisterEcsService(service)).Errors);
    }

    [Fact]
    public void ServiceRegisteredByTheL2sCloudMapOptions_AndNullArguments_FailWithMessages()
    {
        var w = new Workloads();
        var discovery = new DiscoveryService(w.Stack, "NameDiscovery", new DiscoveryServiceProps { Namespace = w.Namespace, Name = "orders", CustomHealthCheck = new() });
        var task = new FargateTaskDefinition(w.Stack, "Task");
        _ = task.AddContainer("app", Workloads.WebContainer());
        var service = new FargateService(w.Stack, "Plain", new FargateServiceProps
        {
            Cluster = w.Cluster,
            TaskDefinition = task,
            MinHealthyPercent = 100,
            CloudMapOptions = new CloudMapOptions { CloudMapNamespace = w.Namespace.CloudMapNamespace, Name = "plain" },
        });
        Assert.Equal(
            [Prefix + "ECS service 'TestStack/Plain' already has a service registry: ECS takes one per service. Register it in one Cloud Map service only (use Service Connect for a second name). [ecs-discovery:ecs-registration]"],
            Findings.Error(() => discovery.RegisterEcsService(service)).Errors);

        Assert.Contains("service", Findings.Error(() => discovery.RegisterEcsService(null!)).Message, StringComparison.Ordinal);
        Assert.Contains("[ecs-discovery:required-props]", Findings.Error(() => discovery.RegisterEcsService(null!)).Message, StringComparison.Ordinal);
        Assert.Contains("[ecs-discovery:required-props]", Findings.Error(() => discovery.RegisterIpInstance("X", null!)).Message, StringComparison.Ordinal);
        Assert.Contains("[ecs-discovery:required-props]", Findings.Error(() => discovery.RegisterLoadBalancer("Y", null!)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DiscoveryRecordTypes.A, "A records")]
    [InlineData(DiscoveryRecordTypes.None, "an API-only service (no SRV records)")]
    public void BridgeNetworkedTasks_WithoutSrvRecords_FailNamingWhatTheServiceHas(DiscoveryRecordTypes records, string through)
    {
        var (_, parts) = Ec2PeerTests.Ec2Stack(records, associate: false);
        Assert.Equal(
            [Prefix + $"ECS service 'TestStack/Service' (bridge network mode) cannot be found through {through}: its tasks share the host's address, only SRV records carry their ports. Create the service with DnsRecords = DiscoveryRecordTypes.Srv. [ecs-discovery:ecs-registration]"],
            Findings.Error(() => parts.Discovery.RegisterEcsService(parts.Service, parts.Container, 81)).Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void ContainerPort_InRangeButUnmapped_OrOutOfRange_FailsWithTheRightMessage(int port)
    {
        var (_, fresh) = Ec2PeerTests.Ec2Stack(DiscoveryRecordTypes.Srv, associate: false);
        var expected = port > 65535
            ? $"containerPort {port} is out of range: use 1-65535. Use a port mapped on the container."
            : $"container 'name' and containerPort {port} do not name one container and a port mapped on it, which SRV records need (containers: 'nginx': 80; 'name': 81). Pass the container and one of its mapped ports, e.g. RegisterEcsService(service, container, 8080).";
        Assert.Equal([Prefix + expected + " [ecs-discovery:ecs-registration]"], Findings.Error(() => fresh.Discovery.RegisterEcsService(fresh.Service, fresh.Container, port)).Errors);
    }
}
