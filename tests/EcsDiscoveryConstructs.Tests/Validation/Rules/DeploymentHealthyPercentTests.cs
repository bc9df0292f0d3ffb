using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DeploymentHealthyPercentTests
{
    private static DiscoverableFargateService Service(Workloads w, int min, int max, DeploymentCircuitBreaker? breaker = null) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        CloudMap = new CloudMapRegistration { Namespace = w.Namespace },
        DesiredCount = 4,
        MinHealthyPercent = min,
        MaxHealthyPercent = max,
        CircuitBreaker = breaker,
    });

    [Fact]
    public void Percentages_AndCircuitBreaker_AreEmitted()
    {
        var w = new Workloads();
        _ = Service(w, 50, 150, new DeploymentCircuitBreaker { Enable = true, Rollback = false });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["DeploymentConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["MinimumHealthyPercent"] = 50,
                ["MaximumPercent"] = 150,
                ["DeploymentCircuitBreaker"] = new Dictionary<string, object> { ["Enable"] = true, ["Rollback"] = false },
            }),
        });
    }

    [Fact]
    public void MinAbove100AndMaxNotAboveMin_FailWithMessages()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, 101, 100));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': MinHealthyPercent 101 is out of range: use 0-100. Use e.g. 100 (the default) or 50. [ecs-discovery:deployment-healthy-percent]",
                "DiscoverableFargateService 'TestStack/Orders': MaxHealthyPercent 100 is invalid with MinHealthyPercent 101: use at least 100 and more than MinHealthyPercent. Use e.g. 200 (the default). [ecs-discovery:deployment-healthy-percent]",
            ],
            error.Errors);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(99, 100)]
    public void EdgesOfTheRanges_AreEmitted(int min, int max)
    {
        var w = new Workloads();
        _ = Service(w, min, max);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["DeploymentConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["MinimumHealthyPercent"] = min, ["MaximumPercent"] = max }),
        });
    }

    [Theory]
    [InlineData(-1, 200, "MinHealthyPercent -1 is out of range: use 0-100. Use e.g. 100 (the default) or 50.")]
    [InlineData(50, 99, "MaxHealthyPercent 99 is invalid with MinHealthyPercent 50: use at least 100 and more than MinHealthyPercent. Use e.g. 200 (the default).")]
    [InlineData(100, 100, "MaxHealthyPercent 100 is invalid with MinHealthyPercent 100: use at least 100 and more than MinHealthyPercent. Use e.g. 200 (the default).")]
    public void PercentagesJustOutside_FailWithMessages(int min, int max, string message)
    {
        var w = new Workloads();
        Assert.Equal([$"DiscoverableFargateService 'TestStack/Orders': {message} [ecs-discovery:deployment-healthy-percent]"], Findings.Error(() => Service(w, min, max)).Errors);
    }
}
