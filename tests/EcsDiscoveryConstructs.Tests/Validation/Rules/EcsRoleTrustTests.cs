using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class EcsRoleTrustTests
{
    private const string Arn = "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0";

    [Fact]
    public void EcsTrustedLatticeRole_IsUsedAndNoRoleIsCreated()
    {
        var w = new Workloads();
        var role = new Role(w.Stack, "Infra", new RoleProps { AssumedBy = new ServicePrincipal("ecs.amazonaws.com") });
        _ = VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }], InfrastructureRole = role });
        var config = Templates.Objects(Templates.OnlyProperties(w.Stack, "AWS::ECS::Service")["VpcLatticeConfigurations"]).Single();
        Assert.Contains("\"Infra", System.Text.Json.JsonSerializer.Serialize(config["RoleArn"]), StringComparison.Ordinal);
        Assert.DoesNotContain(Amazon.CDK.Assertions.Template.FromStack(w.Stack).FindResources("AWS::IAM::Role").Keys, k => k.Contains("VpcLatticeInfrastructureRole", StringComparison.Ordinal));
    }

    [Fact]
    public void LatticeRoleTrustingTasks_FailsWithMessage()
    {
        var w = new Workloads();
        var role = new Role(w.Stack, "Infra", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
        var error = Findings.Error(() => VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }], InfrastructureRole = role }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': VpcLattice.InfrastructureRole 'TestStack/Infra' does not trust ecs.amazonaws.com: ECS cannot assume it. Create it with AssumedBy = new ServicePrincipal(\"ecs.amazonaws.com\"), or leave InfrastructureRole unset to get such a role. [ecs-discovery:ecs-role-trust]", error.Message);
    }

    [Fact]
    public void HookRoleTrustingLambda_AddedLater_FailsWithMessage()
    {
        var w = new Workloads();
        var service = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen());
        var role = new Role(w.Stack, "HookRole", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
        var error = Findings.Error(() => service.AddLifecycleHook(new LambdaLifecycleHook { Function = Deployments.HookFunction(w.Stack), Stages = [LifecycleHookStage.PreScaleUp], Role = role }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': LifecycleHooks[0].Role 'TestStack/HookRole' does not trust ecs.amazonaws.com: ECS cannot assume it. Create it with AssumedBy = new ServicePrincipal(\"ecs.amazonaws.com\"), or leave Role unset to get such a role. [ecs-discovery:ecs-role-trust]", error.Message);
    }

    [Fact]
    public void ImportedRole_IsNotChecked()
    {
        var w = new Workloads();
        var role = Role.FromRoleArn(w.Stack, "Imported", "arn:aws:iam::123456789012:role/lattice");
        _ = VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }], InfrastructureRole = role });
        var config = Templates.Objects(Templates.OnlyProperties(w.Stack, "AWS::ECS::Service")["VpcLatticeConfigurations"]).Single();
        Assert.Equal("arn:aws:iam::123456789012:role/lattice", Templates.Str(config["RoleArn"]));
    }
}
