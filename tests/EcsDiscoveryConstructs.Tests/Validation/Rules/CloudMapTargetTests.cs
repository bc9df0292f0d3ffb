using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CloudMapTargetTests
{
    [Fact]
    public void ExistingService_IsAssociated()
    {
        var w = new Workloads();
        var shared = new DiscoveryService(w.Stack, "Shared", Fixtures.GoodService(w.Namespace, "orders"));
        var service = w.DnsService("Orders", "orders-blue", new CloudMapRegistrationOptions { ExistingService = shared });
        Assert.Same(shared, service.DiscoveryService);
        Assert.Equal("orders.internal.example.com", service.DnsName);
    }

    [Fact]
    public void NamespaceAndExistingService_FailsWithMessage()
    {
        var w = new Workloads();
        var shared = new DiscoveryService(w.Stack, "Shared", Fixtures.GoodService(w.Namespace, "orders"));
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, ExistingService = shared }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': CloudMap (Namespace and ExistingService both set) must name exactly one registry target: ECS registers a service in one Cloud Map service. Set Namespace for a new Cloud Map service, or ExistingService to join one. [ecs-discovery:cloud-map-target]",
            error.Message);
    }

    [Fact]
    public void NoTarget_RegistersInTheClustersDefaultNamespace()
    {
        // As aws-cdk's integ tests cloudmap-a-and-srv-records and cluster-existing-namespace do with plain CDK.
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new Amazon.CDK.AWS.ECS.CloudMapNamespaceOptions { Name = "apps.local", Vpc = w.Vpc });
        var service = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv });
        Assert.Equal("orders.apps.local", service.DnsName);
        Assert.Equal(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, service.CloudMapRecords);
        var template = Amazon.CDK.Assertions.Template.FromStack(w.Stack);
        var namespaceId = template.FindResources("AWS::ServiceDiscovery::PrivateDnsNamespace", new Dictionary<string, object> { ["Properties"] = new Dictionary<string, object> { ["Name"] = "apps.local" } }).Keys.Single();
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["Name"] = "orders",
            ["DnsConfig"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["NamespaceId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { namespaceId, "Id" } } }),
        });
        template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["ContainerName"] = "app", ["ContainerPort"] = 8080 }) },
        });
    }

    [Fact]
    public void NoTargetAndNoClusterDefaultNamespace_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions()));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap (neither Namespace nor ExistingService set) has nowhere to register: the cluster has no default Cloud Map namespace either. Set CloudMap.Namespace, or call cluster.AddDefaultCloudMapNamespace(...) so new Cloud Map services go there. [ecs-discovery:cloud-map-target]"],
            error.Errors);
    }

    [Fact]
    public void NamespaceAndAnImportedService_FailLikeAnyExistingOne()
    {
        var w = new Workloads();
        var imported = DiscoveryService.FromServiceAttributes(w.Stack, "Legacy", new DiscoveryServiceAttributes { ServiceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-p5zdwlg5uvvzjita", ServiceId = "srv-p5zdwlg5uvvzjita", ServiceName = "legacy", Namespace = w.Namespace });
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, ExistingService = imported }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap (Namespace and ExistingService both set) must name exactly one registry target: ECS registers a service in one Cloud Map service. Set Namespace for a new Cloud Map service, or ExistingService to join one. [ecs-discovery:cloud-map-target]"],
            error.Errors);
    }
}
