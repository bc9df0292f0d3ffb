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
        Assert.Equal("BLUE_GREEN", config["Strategy"]);
        Assert.Equal(15d, Convert.ToDouble(config["BakeTimeInMinutes"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(config.ContainsKey("DeploymentCircuitBreaker"));
        Assert.False(config.ContainsKey("LinearConfiguration"));
    }

    [Fact]
    public void Linear_EmitsStepPercentStepBakeAndBake()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Linear(12.5, Duration.Minutes(3), Duration.Minutes(30)));
        var config = Deployments.DeploymentConfiguration(w.Stack);
        Assert.Equal("LINEAR", config["Strategy"]);
        Assert.Equal(30d, Convert.ToDouble(config["BakeTimeInMinutes"], System.Globalization.CultureInfo.InvariantCulture));
        var linear = (IDictionary<string, object>)config["LinearConfiguration"];
        Assert.Equal(12.5, Convert.ToDouble(linear["StepPercent"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3d, Convert.ToDouble(linear["StepBakeTimeInMinutes"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Canary_WithoutCanaryBake_EmitsPercentOnly_EcsDefaultsTheBake()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Canary(0.1));
        var canary = (IDictionary<string, object>)Deployments.DeploymentConfiguration(w.Stack)["CanaryConfiguration"];
        Assert.Equal(0.1, Convert.ToDouble(canary["CanaryPercent"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(canary.ContainsKey("CanaryBakeTimeInMinutes"));
    }
}
