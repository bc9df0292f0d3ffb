using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class LifecycleHookStagesTests
{
    [Fact]
    public void EveryStageOnce_IsAccepted()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = Enum.GetValues<LifecycleHookStage>() }]);
        var hook = Templates.Objects(Deployments.DeploymentConfiguration(w.Stack)["LifecycleHooks"]).Single();
        Assert.Equal(8, hook["LifecycleStages"]!.AsArray().Count);
    }

    [Fact]
    public void NoStages_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [] }]));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Stages is empty: the hook would never run. Name a stage, e.g. Stages = [LifecycleHookStage.PostTestTrafficShift]. [ecs-discovery:lifecycle-hook-stages]", error.Message);
    }

    [Fact]
    public void StageTwice_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [LifecycleHookStage.PreScaleUp, LifecycleHookStage.PreScaleUp] }]));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Stages names PreScaleUp 2 times: ECS would invoke the function that often at that stage. Name each stage once. [ecs-discovery:lifecycle-hook-stages]", error.Message);
    }

    [Fact]
    public void UndefinedStageValue_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [(LifecycleHookStage)42] }]));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Stages holds 42, which is no LifecycleHookStage. Use the LifecycleHookStage members only. [ecs-discovery:lifecycle-hook-stages]", error.Message);
    }

    [Fact]
    public void AddLifecycleHookWithoutStages_FailsNamingItsPosition()
    {
        var w = new Workloads();
        var service = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [LifecycleHookStage.PreScaleUp] }]);
        var error = Findings.Error(() => service.AddLifecycleHook(new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack, "Other"), Stages = [] }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[1].Stages is empty: the hook would never run. Name a stage, e.g. Stages = [LifecycleHookStage.PostTestTrafficShift]. [ecs-discovery:lifecycle-hook-stages]", error.Message);
    }

    [Fact]
    public void ANullHook_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [null!]));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0] is null. Remove the entry or give a LambdaLifecycleHook. [ecs-discovery:lifecycle-hook-stages]", error.Message);
    }
}
