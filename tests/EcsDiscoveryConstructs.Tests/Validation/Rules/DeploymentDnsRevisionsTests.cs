using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DeploymentDnsRevisionsTests
{
    [Fact]
    public void ServiceConnectOnly_NoWarning()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen());
        Assert.Empty(Findings.Warnings(w.Stack, "deployment-dns-revisions"));
    }

    [Fact]
    public void DualDiscoveryBlueGreen_WarnsWithMessage()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), dual: true);
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': DeploymentStrategy BlueGreen shifts Service Connect clients only: DNS clients of 'orders' may reach the old or the new revision until the bake ends. Move DNS clients to Service Connect, make them tolerate both revisions, or acknowledge this warning. [ecs-discovery:deployment-dns-revisions]"],
            Findings.Warnings(w.Stack, "deployment-dns-revisions"));
    }
}
