using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceConnectNamespaceTests
{
    [Fact]
    public void ClusterDefaultNamespace_IsUsed()
    {
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "shop.local", Type = Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.HTTP, UseForServiceConnect = true });
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
        });
        Assert.Equal("shop.local", service.ServiceConnectNamespace!.NamespaceName);
    }

    [Fact]
    public void NoNamespaceAnywhere_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions(),
        }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Namespace (not set) is required: the cluster has no default Cloud Map namespace either. Set ServiceConnect.Namespace, or call cluster.AddDefaultCloudMapNamespace(...). [ecs-discovery:service-connect-namespace]",
            error.Message);
    }
}
