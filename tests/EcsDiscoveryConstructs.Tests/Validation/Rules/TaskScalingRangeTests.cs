using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class TaskScalingRangeTests
{
    [Fact]
    public void AutoScale_TenToHundred_CreatesScalableTarget()
    {
        var w = new Workloads();
        var service = w.DnsService("Inventory", "inventory");
        service.AutoScale(new TaskScalingOptions { MinCapacity = 10, MaxCapacity = 100 });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object> { ["MinCapacity"] = 10, ["MaxCapacity"] = 100 });
    }

    [Fact]
    public void InvertedRangeAndTarget_FailWithMessages()
    {
        var w = new Workloads();
        var service = w.DnsService("Inventory", "inventory");
        var error = Findings.Error(() => service.AutoScale(new TaskScalingOptions { MinCapacity = 10, MaxCapacity = 5, TargetCpuPercent = 0 }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Inventory': Scaling MinCapacity 10, MaxCapacity 5 is not a valid range: use 0 <= MinCapacity <= MaxCapacity and MaxCapacity >= 1. Swap or correct the bounds, e.g. MinCapacity = 2, MaxCapacity = 10. [ecs-discovery:task-scaling-range]",
                "DiscoverableFargateService 'TestStack/Inventory': Scaling.TargetCpuPercent 0 is out of range: use 1-100. Use e.g. 70. [ecs-discovery:task-scaling-range]",
            ],
            error.Errors);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 3, 100)]
    public void RangesAndTargetsAtTheirEdges_CreateTheScalableTarget(int min, int max, int cpu)
    {
        var w = new Workloads();
        var service = w.DnsService("Inventory", "inventory");
        service.AutoScale(new TaskScalingOptions { MinCapacity = min, MaxCapacity = max, TargetCpuPercent = cpu });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object> { ["MinCapacity"] = min, ["MaxCapacity"] = max });
    }

    [Theory]
    [InlineData(-1, 5, 70, "MinCapacity -1, MaxCapacity 5")]
    [InlineData(0, 0, 70, "MinCapacity 0, MaxCapacity 0")]
    [InlineData(2, 5, 101, null)]
    public void BoundsJustOutside_FailWithMessages(int min, int max, int cpu, string? range)
    {
        var w = new Workloads();
        var service = w.DnsService("Inventory", "inventory");
        var error = Findings.Error(() => service.AutoScale(new TaskScalingOptions { MinCapacity = min, MaxCapacity = max, TargetCpuPercent = cpu }));
        Assert.Equal(
            range is null
                ? [$"DiscoverableFargateService 'TestStack/Inventory': Scaling.TargetCpuPercent {cpu} is out of range: use 1-100. Use e.g. 70. [ecs-discovery:task-scaling-range]"]
                : [$"DiscoverableFargateService 'TestStack/Inventory': Scaling {range} is not a valid range: use 0 <= MinCapacity <= MaxCapacity and MaxCapacity >= 1. Swap or correct the bounds, e.g. MinCapacity = 2, MaxCapacity = 10. [ecs-discovery:task-scaling-range]"],
            error.Errors);
    }
}
