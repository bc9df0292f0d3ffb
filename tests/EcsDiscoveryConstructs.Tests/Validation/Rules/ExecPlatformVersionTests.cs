using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecPlatformVersionTests
{
    [Fact]
    public void Version14_Passes()
    {
        var w = new Workloads();
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), PlatformVersion = FargatePlatformVersion.VERSION1_4, Exec = new ExecOptions { EnableInitProcess = true } });
        Assert.True(service.ExecEnabled);
    }

    [Fact]
    public void Version13_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), PlatformVersion = FargatePlatformVersion.VERSION1_3, Exec = new ExecOptions() }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': PlatformVersion VERSION1_3 does not support ECS Exec: Linux Fargate tasks need platform version 1.4.0 or later. Use FargatePlatformVersion.LATEST or VERSION1_4. [ecs-discovery:exec-platform-version]",
            error.Message);
    }
}
