using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceConnectTimeoutsTests
{
    [Fact]
    public void IdleTimeoutZero_Passes()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", IdleTimeout = Duration.Seconds(0) });
        Assert.Single(service.ServiceConnectAliases);
    }

    [Fact]
    public void FractionalIdleTimeout_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", IdleTimeout = Duration.Millis(1500) }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IdleTimeout 1500 ms is not a whole number of seconds. Use Duration.Seconds(n); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
            error.Message);
    }
}
