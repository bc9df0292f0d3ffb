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
}
