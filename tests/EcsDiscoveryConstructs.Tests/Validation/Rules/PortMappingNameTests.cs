using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class PortMappingNameTests
{
    [Fact]
    public void ExistingPortMapping_IsEmitted()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders");
        Assert.Equal(8080, service.ServiceConnectAliases[0].ContainerPort);
    }

    [Fact]
    public void UnknownPortMapping_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "web" }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PortMappingName 'web' is not the name of a port mapping in the task definition (named port mappings: 'http'). Give the container's port mapping a Name and use it here, e.g. new PortMapping { Name = \"http\", ContainerPort = 8080 }. [ecs-discovery:port-mapping-name]",
            error.Message);
    }

    [Theory]
    [InlineData(0, "none")]
    [InlineData(2, "'p0', 'p1'")]
    public void UnknownPortMapping_ListsTheNamedOnes(int named, string listed)
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.PortMappings = Enumerable.Range(0, 3).Select(i => new Amazon.CDK.AWS.ECS.PortMapping { Name = i < named ? $"p{i}" : null, ContainerPort = 8080 + i }).ToArray();
        var error = Findings.Error(() => new EcsDiscoveryConstructs.Services.DiscoverableFargateService(w.Stack, "Orders", new EcsDiscoveryConstructs.Services.DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = container,
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "web" }] },
        }));
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PortMappingName 'web' is not the name of a port mapping in the task definition (named port mappings: {listed}). Give the container's port mapping a Name and use it here, e.g. new PortMapping {{ Name = \"http\", ContainerPort = 8080 }}. [ecs-discovery:port-mapping-name]"],
            error.Errors);
    }
}
