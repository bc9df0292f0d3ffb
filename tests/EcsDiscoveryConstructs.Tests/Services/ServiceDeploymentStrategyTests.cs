using Amazon.CDK;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

public class ServiceDeploymentStrategyTests
{
    [Fact]
    public void Rolling_EmitsNoStrategyAndKeepsTheCircuitBreaker()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Rolling());
        var config = Deployments.DeploymentConfiguration(w.Stack);
        Assert.False(config.ContainsKey("Strategy"));
        Assert.True(config.ContainsKey("DeploymentCircuitBreaker"));
    }

    [Fact]
    public void BlueGreen_EmitsStrategyAndDefaultBake_AndNoCircuitBreaker()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen());
        var config = Deployments.DeploymentConfiguration(w.Stack);
        Assert.Equal("BLUE_GREEN", Templates.Str(config["Strategy"]));
        Assert.Equal(15d, config["BakeTimeInMinutes"]!.GetValue<double>());
        Assert.False(config.ContainsKey("DeploymentCircuitBreaker"));
        Assert.False(config.ContainsKey("LinearConfiguration"));
    }

    [Fact]
    public void Linear_EmitsStepPercentStepBakeAndBake()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Linear(12.5, Duration.Minutes(3), Duration.Minutes(30)));
        var config = Deployments.DeploymentConfiguration(w.Stack);
        Assert.Equal("LINEAR", Templates.Str(config["Strategy"]));
        Assert.Equal(30d, config["BakeTimeInMinutes"]!.GetValue<double>());
        var linear = config["LinearConfiguration"]!.AsObject();
        Assert.Equal(12.5, linear["StepPercent"]!.GetValue<double>());
        Assert.Equal(3d, linear["StepBakeTimeInMinutes"]!.GetValue<double>());
    }

    [Fact]
    public void Canary_WithoutCanaryBake_EmitsPercentOnly_EcsDefaultsTheBake()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Canary(0.1));
        var canary = Deployments.DeploymentConfiguration(w.Stack)["CanaryConfiguration"]!.AsObject();
        Assert.Equal(0.1, canary["CanaryPercent"]!.GetValue<double>());
        Assert.False(canary.ContainsKey("CanaryBakeTimeInMinutes"));
    }
}
