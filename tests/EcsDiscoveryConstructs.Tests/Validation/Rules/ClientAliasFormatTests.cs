using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ClientAliasFormatTests
{
    [Fact]
    public void Alias_IsEmittedWithPort()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "orders.shop", Port = 80 });
        Assert.Equal(("orders.shop", 80), (service.ServiceConnectAliases[0].DnsName, service.ServiceConnectAliases[0].Port));
    }

    [Fact]
    public void UppercaseNameAndPortZero_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "Orders.Shop", Port = 0 }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DnsName 'Orders.Shop' is invalid: use 1-127 lowercase letters, digits, '_', '-' or '.', not starting with '-'. Use a lowercase DNS-style name, e.g. 'orders' or 'orders.internal'. [ecs-discovery:client-alias-format]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].Port 0 is out of range: use 1-65535. Use the port clients connect to, e.g. 80. [ecs-discovery:client-alias-format]",
            ],
            error.Errors);
    }
}
