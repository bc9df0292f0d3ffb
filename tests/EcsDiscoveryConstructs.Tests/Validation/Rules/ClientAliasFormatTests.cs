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

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void AliasOfTheLongestLengthAndPortsAtTheEdges_AreEmitted(int port)
    {
        var w = new Workloads();
        var alias = new string('a', 127);
        var service = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = alias, Port = port });
        Assert.Equal((alias, port), (service.ServiceConnectAliases[0].DnsName, service.ServiceConnectAliases[0].Port));
    }

    [Fact]
    public void AliasOneCharacterTooLongAndPortAboveTheRange_FailWithMessages()
    {
        var w = new Workloads();
        var alias = new string('a', 128);
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = alias, Port = 65536 }));
        Assert.Equal(
            [
                $"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DnsName '{alias}' has 128 characters: use at most 127. Use a lowercase DNS-style name, e.g. 'orders' or 'orders.internal'. [ecs-discovery:client-alias-format]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].Port 65536 is out of range: use 1-65535. Use the port clients connect to, e.g. 80. [ecs-discovery:client-alias-format]",
            ],
            error.Errors);
    }
}
