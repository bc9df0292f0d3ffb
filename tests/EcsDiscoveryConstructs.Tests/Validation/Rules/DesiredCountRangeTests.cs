using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DesiredCountRangeTests
{
    private static DiscoverableFargateService Service(Workloads w, int desired) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        DesiredCount = desired,
    });

    [Fact]
    public void DesiredCount_Zero_Synthesizes()
    {
        var w = new Workloads();
        _ = Service(w, 0);
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["DesiredCount"] = 0 });
    }

    [Fact]
    public void DesiredCount_Negative_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, -1));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': DesiredCount -1 is negative: use 0 or more. Use the number of tasks to run, e.g. 2 (0 stops the service). [ecs-discovery:desired-count]"],
            error.Errors);
    }
}
