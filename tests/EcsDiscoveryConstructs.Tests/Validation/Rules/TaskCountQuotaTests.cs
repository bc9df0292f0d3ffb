using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class TaskCountQuotaTests
{
    [Fact]
    public void Thousand_Passes()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1000 });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void ScalingAboveThousand_FailsWithMessage()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        var error = Findings.Error(() => service.AutoScale(new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1001 }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': Scaling.MaxCapacity 1001 is above Cloud Map's 1000 instances per service (a quota that cannot be raised). Use at most 1000, or split the workload over several services. [ecs-discovery:task-count-quota]",
            error.Message);
    }

    [Fact]
    public void DesiredCountAboveThousand_Fails()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            DesiredCount = 1500,
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        }));
        Assert.Contains("DesiredCount 1500 is above Cloud Map's 1000 instances per service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRegistered_NoLimit()
    {
        var w = new Workloads();
        var service = new DiscoverableFargateService(w.Stack, "Batch", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "batch", Container = Workloads.WebContainer(), DesiredCount = 1500 });
        Assert.Null(service.DnsName);
    }

    [Fact]
    public void DesiredCountAboveThousandWithASmallScalingRange_Fails()
    {
        // Found by the generator suite: ECS starts DesiredCount tasks on deploy before autoscaling brings the count into range.
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            DesiredCount = 2500,
            Scaling = new TaskScalingOptions { MinCapacity = 2, MaxCapacity = 3 },
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': DesiredCount 2500 is above Cloud Map's 1000 instances per service (a quota that cannot be raised). Use at most 1000, or split the workload over several services. [ecs-discovery:task-count-quota]"],
            error.Errors);
    }
}
