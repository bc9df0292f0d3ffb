using Amazon.CDK;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DeploymentStrategySettingsTests
{
    [Fact]
    public void LimitsInclusive_AreAccepted()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Linear(3.0, Duration.Minutes(0), Duration.Minutes(1440)));
        Assert.Equal("LINEAR", Templates.Str(Deployments.DeploymentConfiguration(w.Stack)["Strategy"]));
        var other = new Workloads();
        _ = Deployments.ScService(other, ServiceDeploymentStrategy.Canary(100.0, Duration.Hours(24)));
        Assert.Equal("CANARY", Templates.Str(Deployments.DeploymentConfiguration(other.Stack)["Strategy"]));
    }

    [Theory]
    [InlineData(2.9, "stepPercent 2.9", "3.0")]
    [InlineData(100.1, "stepPercent 100.1", "3.0")]
    [InlineData(10.05, "stepPercent 10.05", "3.0")]
    [InlineData(double.NaN, "stepPercent NaN", "3.0")]
    public void LinearStepOutsideRangeOrGrid_FailsWithMessage(double percent, string subject, string least)
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.Linear(percent)));
        Assert.Equal(
            $"DiscoverableFargateService 'TestStack/Orders': DeploymentStrategy {subject} is invalid: use a multiple of 0.1 from {least} to 100.0. Use e.g. 10.0 (ECS's default) or 25.0. [ecs-discovery:deployment-strategy-settings]",
            error.Message);
    }

    [Fact]
    public void CanaryShareZero_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.Canary(0)));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': DeploymentStrategy canaryPercent 0 is invalid: use a multiple of 0.1 from 0.1 to 100.0. Use e.g. 5.0 (ECS's default) or 10.0. [ecs-discovery:deployment-strategy-settings]",
            error.Message);
    }

    [Fact]
    public void BakeOnePastTheLimit_AndFractionalStepBake_FailTogether()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.Linear(10, Duration.Seconds(90), Duration.Minutes(1441))));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': DeploymentStrategy bakeTime 86460 s is out of range: use a whole number of minutes from 0 to 1440. Use Duration.Minutes(n), e.g. Duration.Minutes(10). [ecs-discovery:deployment-strategy-settings]",
                "DiscoverableFargateService 'TestStack/Orders': DeploymentStrategy stepBakeTime 90 s is out of range: use a whole number of minutes from 0 to 1440. Use Duration.Minutes(n), e.g. Duration.Minutes(10). [ecs-discovery:deployment-strategy-settings]",
            ],
            error.Errors);
    }

    [Fact]
    public void TokenBake_IsNotChecked()
    {
        var w = new Workloads();
        var minutes = new CfnParameter(w.Stack, "Bake", new CfnParameterProps { Type = "Number" });
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(Duration.Minutes(minutes.ValueAsNumber)));
        Assert.Equal("BLUE_GREEN", Templates.Str(Deployments.DeploymentConfiguration(w.Stack)["Strategy"]));
    }

    [Theory]
    [InlineData(10.000000001)]
    [InlineData(3.01)]
    public void LinearStepOffTheGridByLittle_Fails(double percent)
    {
        var w = new Workloads();
        Assert.Contains("[ecs-discovery:deployment-strategy-settings]", Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.Linear(percent))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APercentWithBinaryNoise_IsAcceptedAndEmittedOnTheGrid()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Canary(0.1 + 0.2));
        var canary = Deployments.DeploymentConfiguration(w.Stack)["CanaryConfiguration"]!.AsObject();
        Assert.Equal("0.3", canary["CanaryPercent"]!.ToJsonString());
    }
}
