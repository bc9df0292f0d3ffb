using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

public class LambdaLifecycleHookTests
{
    [Fact]
    public void HookFromProps_EmitsTargetStagesDetailsAndAnEcsTrustedRoleThatMayInvokeIt()
    {
        var w = new Workloads();
        var fn = Deployments.HookFunction(w.Stack);
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook
        {
            Function = fn,
            Stages = [LifecycleHookStage.PostTestTrafficShift, LifecycleHookStage.PreProductionTrafficShift],
            Details = new Dictionary<string, object> { ["suite"] = "smoke" },
        }]);

        var hook = Templates.Objects(Deployments.DeploymentConfiguration(w.Stack)["LifecycleHooks"]).Single();
        Assert.Equal(["POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT"], hook["LifecycleStages"]!.AsArray().Select(Templates.Str));
        Assert.Equal("smoke", Templates.Str(hook["HookDetails"]!["suite"]));
        var template = Amazon.CDK.Assertions.Template.FromStack(w.Stack);
        template.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Principal"] = new Dictionary<string, object> { ["Service"] = "ecs.amazonaws.com" } }) },
            }),
            ["Description"] = "Lets ECS invoke this service's deployment lifecycle hooks.",
        });
        template.HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Amazon.CDK.Assertions.Match.ArrayWith([Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Action"] = "lambda:InvokeFunction" })]),
            }),
        });
    }

    [Fact]
    public void AddLifecycleHook_AppendsToTheList_SharingOneRole()
    {
        var w = new Workloads();
        var service = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack, "First"), Stages = [LifecycleHookStage.PreScaleUp] }]);
        service.AddLifecycleHook(new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack, "Second"), Stages = [LifecycleHookStage.PostProductionTrafficShift] });

        var hooks = Templates.Objects(Deployments.DeploymentConfiguration(w.Stack)["LifecycleHooks"]).ToList();
        Assert.Equal(2, hooks.Count);
        Assert.Equal(hooks[0]["RoleArn"]!.ToJsonString(), hooks[1]["RoleArn"]!.ToJsonString());
        Assert.Single(Amazon.CDK.Assertions.Template.FromStack(w.Stack).FindResources("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["Properties"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Description"] = "Lets ECS invoke this service's deployment lifecycle hooks." }),
        }));
    }

    [Fact]
    public void GivenRole_IsUsed()
    {
        var w = new Workloads();
        var role = new Role(w.Stack, "HookRole", new RoleProps { AssumedBy = new ServicePrincipal("ecs.amazonaws.com") });
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), hooks: [new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [LifecycleHookStage.PreScaleUp], Role = role }]);
        var hook = Templates.Objects(Deployments.DeploymentConfiguration(w.Stack)["LifecycleHooks"]).Single();
        Assert.Contains(w.Stack.GetLogicalId((Amazon.CDK.CfnElement)role.Node.DefaultChild!), System.Text.Json.JsonSerializer.Serialize(hook["RoleArn"]), StringComparison.Ordinal);
    }
}
