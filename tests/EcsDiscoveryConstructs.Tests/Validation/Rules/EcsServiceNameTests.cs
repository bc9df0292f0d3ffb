using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class EcsServiceNameTests
{
    [Fact]
    public void Name_WithHyphenAndUnderscore_Passes()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders_v2-blue");
        Assert.Equal("orders_v2-blue", service.Name);
    }

    [Fact]
    public void Name_WithDot_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders.v2"));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': Name 'orders.v2' is invalid: use 1-255 letters, digits, '-' or '_'. Rename it, e.g. 'orders'. [ecs-discovery:ecs-service-name]",
            error.Message);
    }

    [Fact]
    public void Name_Null_FailsAsRequired()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = null!, Container = Workloads.WebContainer() }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': Name (not set) is required. Give the service a name, e.g. Name = \"orders\". [ecs-discovery:ecs-service-name]"],
            error.Errors);
    }
}
