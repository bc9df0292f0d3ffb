using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DeploymentDiscoveryGapTests
{
    private static DiscoverableFargateService Service(Workloads w, int desired) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        DesiredCount = desired,
        MinHealthyPercent = 50,
    });

    [Fact]
    public void TwoTasks_NoWarning()
    {
        var w = new Workloads();
        _ = Service(w, 2);
        Assert.Empty(Findings.Warnings(w.Stack, "deployment-discovery-gap"));
    }

    [Fact]
    public void OneDnsDiscoveredTask_WarnsWithMessage()
    {
        var w = new Workloads();
        _ = Service(w, 1);
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': MinHealthyPercent 50 lets ECS stop the service's only task before its replacement is healthy: DNS clients find no record until then. Keep MinHealthyPercent = 100 (the default), run at least 2 tasks, or acknowledge this warning. [ecs-discovery:deployment-discovery-gap]"],
            Findings.Warnings(w.Stack, "deployment-discovery-gap"));
    }
}
