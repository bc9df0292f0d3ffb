using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DeploymentTrafficPathTests
{
    [Fact]
    public void ServiceConnectServer_NoWarning()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen());
        Assert.Empty(Findings.Warnings(w.Stack, "deployment-traffic-path"));
    }

    [Fact]
    public void DnsOnlyServiceBlueGreen_WarnsWithMessage()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            DeploymentStrategy = ServiceDeploymentStrategy.Canary(),
        });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': DeploymentStrategy Canary shifts no traffic for this service: it has no Service Connect endpoint, so Cloud Map clients reach the new revision as soon as its tasks register. Offer the service through ServiceConnect endpoints, attach a load balancer, use DeploymentStrategy = ServiceDeploymentStrategy.Rolling(), or acknowledge this warning. [ecs-discovery:deployment-traffic-path]"],
            Findings.Warnings(w.Stack, "deployment-traffic-path"));
    }
}
