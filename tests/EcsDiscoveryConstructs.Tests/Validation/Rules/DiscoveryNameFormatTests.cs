using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DiscoveryNameFormatTests
{
    [Fact]
    public void DerivedFromLowercaseName_Passes()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders");
        Assert.Equal("orders", service.ServiceConnectAliases[0].DiscoveryName);
    }

    [Fact]
    public void DerivedFromUppercaseName_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "Orders"));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DiscoveryName (derived from Name: 'Orders') is invalid: use 1-64 lowercase letters, digits, '_' or '-', not starting with '-'. Rename it, e.g. 'orders'. [ecs-discovery:discovery-name-format]",
            error.Message);
    }

    [Fact]
    public void Given65Characters_Fails()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = new string('a', 65) }));
        Assert.Equal([$"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DiscoveryName '{new string('a', 65)}' is invalid: use 1-64 lowercase letters, digits, '_' or '-', not starting with '-'. Rename it, e.g. '{new string('a', 64)}'. [ecs-discovery:discovery-name-format]"], error.Errors);
    }

    [Theory]
    [InlineData("Orders.V2", "orders-v2")]
    [InlineData("-", "api")]
    public void InvalidGivenName_SuggestsAValidOne(string name, string suggested)
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = name }));
        Assert.Equal(
            $"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].DiscoveryName '{name}' is invalid: use 1-64 lowercase letters, digits, '_' or '-', not starting with '-'. Rename it, e.g. '{suggested}'. [ecs-discovery:discovery-name-format]",
            error.Errors[0]);
    }
}
