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
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
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
    [InlineData(75, 100)]
    [InlineData(100, 125)]
    public void EdgesOfTheRangesFourTasksCanDeployWith_AreEmitted(int min, int max)
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

    [Theory]
    [InlineData(1, 100, 150, "1 task", "150 % rounds down to 1", "100 % rounds up to 1", 200, 0)]
    [InlineData(3, 67, 120, "3 tasks", "120 % rounds down to 3", "67 % rounds up to 3", 134, 66)]
    [InlineData(10, 95, 105, "10 tasks", "105 % rounds down to 10", "95 % rounds up to 10", 110, 90)]
    public void PercentsThatRoundToTheDesiredCount_FailAsStallingEveryDeployment(int desired, int min, int max, string tasks, string up, string down, int neededMax, int neededMin)
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            DesiredCount = desired,
            MinHealthyPercent = min,
            MaxHealthyPercent = max,
        }));
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': MinHealthyPercent {min} and MaxHealthyPercent {max} let a deployment of {tasks} neither start a new one ({up}) nor stop an old one ({down}): every deployment would stall. Raise MaxHealthyPercent to at least {neededMax} or lower MinHealthyPercent to at most {neededMin}. [ecs-discovery:deployment-healthy-percent]"],
            error.Errors);
    }

    [Theory]
    [InlineData(1, 100, 200)]
    [InlineData(1, 0, 100)]
    [InlineData(2, 100, 150)]
    [InlineData(3, 67, 134)]
    [InlineData(3, 66, 120)]
    [InlineData(0, 100, 150)]
    public void PercentsThatLetOneTaskStartOrStop_AreEmitted(int desired, int min, int max)
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), DesiredCount = desired, MinHealthyPercent = min, MaxHealthyPercent = max });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["DeploymentConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["MinimumHealthyPercent"] = min, ["MaximumPercent"] = max }) });
    }

    [Fact]
    public void ACountScalingCanReachThatStalls_FailsNamingThatCount()
    {
        // 2 tasks deploy with 100/150 (150 % of 2 is 3), but scaling in to 1 task leaves 150 % of 1 rounding down to 1.
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            DesiredCount = 2,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 150,
            Scaling = new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 4 },
        }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': MinHealthyPercent 100 and MaxHealthyPercent 150 let a deployment of 1 task neither start a new one (150 % rounds down to 1) nor stop an old one (100 % rounds up to 1): every deployment would stall. Raise MaxHealthyPercent to at least 200 or lower MinHealthyPercent to at most 0. [ecs-discovery:deployment-healthy-percent]"],
            error.Errors);
    }
}
