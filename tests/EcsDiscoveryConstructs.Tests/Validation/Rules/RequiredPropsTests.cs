using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

/// <summary>required-props: a null where a value is required fails with our message, naming each.</summary>
public class RequiredPropsTests
{

    [Fact]
    public void NullRequiredProps_FailWithOurMessageNamingEach()
    {
        var w = new Workloads();
        Assert.Equal(
            ["PrivateDnsDiscoveryNamespace 'TestStack/Ns': Name (null) is required. Set Name; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => new PrivateDnsDiscoveryNamespace(w.Stack, "Ns", new PrivateDnsDiscoveryNamespaceProps { Name = null!, Vpc = w.Vpc })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Svc': Namespace (null) is required. Set Namespace; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => new DiscoveryService(w.Stack, "Svc", new DiscoveryServiceProps { Namespace = null!, Name = "orders" })).Errors);
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': Cluster (null) is required. Set Cluster; it cannot be null. [ecs-discovery:required-props]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PortMappingName (null) is required. Set ServiceConnect.Endpoints[0].PortMappingName; it cannot be null. [ecs-discovery:required-props]",
            ],
            Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
            {
                Cluster = null!,
                Name = "orders",
                Container = Workloads.WebContainer(),
                ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = null! }] },
            })).Errors);
        Assert.Equal(
            ["PrivateDnsDiscoveryNamespace 'TestStack/Imported': NamespaceArn (null) is required. Set NamespaceArn; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => PrivateDnsDiscoveryNamespace.FromAttributes(w.Stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = "ns-abc", NamespaceArn = null!, NamespaceName = "x.example.com" })).Errors);
    }
}
