using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class SrvTargetTests
{
    private static DiscoverableFargateService TwoPortService(string? containerName)
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.PortMappings = [.. container.PortMappings!, new PortMapping { Name = "metrics", ContainerPort = 9100 }];
        return new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = container,
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = containerName },
        });
    }

    [Fact]
    public void Srv_SingleContainerSinglePort_IsResolved()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["ContainerName"] = "app", ["ContainerPort"] = 8080 }) },
        });
    }

    [Fact]
    public void Srv_PortNotMappedOnContainer_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "app", ContainerPort = 9090 }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': CloudMap.ContainerPort 9090 is not mapped on container 'app' (containers: 'app': 8080). Use a port from the container's port mappings, or add the mapping. [ecs-discovery:srv-target]",
            error.Message);
    }

    [Fact]
    public void Srv_UnknownContainer_Fails()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "sidecar", ContainerPort = 8080 }));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': CloudMap.ContainerName 'sidecar' is not a container of the task (containers: 'app': 8080). Name the container whose port SRV records should carry. [ecs-discovery:srv-target]"], error.Errors);
    }

    [Fact]
    public void Srv_ContainerWithTwoPorts_NeedsExplicitPort()
    {
        var error = Findings.Error(() => TwoPortService(null));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': CloudMap.ContainerName (not set) and ContainerPort (not set) do not pick one container and port for SRV records: the task's container and port are ambiguous (containers: 'app': 8080, 9100). Set both, e.g. ContainerName = \"app\", ContainerPort = 8080. [ecs-discovery:srv-target]"], error.Errors);
    }

    [Fact]
    public void Srv_PortWithoutContainerInATwoContainerTask_MessageShowsThePortThatWasSet()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("app", Workloads.WebContainer());
        task.AddContainer("sidecar", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("busybox"), PortMappings = [new PortMapping { ContainerPort = 8080 }] });
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            TaskDefinition = task,
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerPort = 8080 },
        }));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': CloudMap.ContainerName (not set) and ContainerPort 8080 do not pick one container and port for SRV records: the task's container and port are ambiguous (containers: 'app': 8080; 'sidecar': 8080). Set both, e.g. ContainerName = \"app\", ContainerPort = 8080. [ecs-discovery:srv-target]"], error.Errors);
    }

    [Fact]
    public void Srv_ContainerNamedButItsTwoPortsNot_NamesTheContainerGiven()
    {
        var error = Findings.Error(() => TwoPortService("app"));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': CloudMap.ContainerName 'app' and ContainerPort (not set) do not pick one container and port for SRV records: the task's container and port are ambiguous (containers: 'app': 8080, 9100). Set both, e.g. ContainerName = \"app\", ContainerPort = 8080. [ecs-discovery:srv-target]"], error.Errors);
    }
}
