using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ClusterDefaultNamespaceRuleTests
{
    [Fact]
    public void ExistingNamespace_BecomesTheClustersServiceConnectAndCloudMapDefault()
    {
        // As aws-cdk's integ test cluster-existing-namespace, which needs a newer CDK than 2.160 for this.
        var w = new Workloads();
        ClusterDefaultNamespace.Set(w.Cluster, w.Namespace);
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions(),
            ServiceConnect = new ServiceConnectOptions { Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders-sc" }] },
        });
        Assert.Same(w.Namespace, service.ServiceConnectNamespace);
        Assert.Same(w.Namespace, service.CloudMapNamespace);
        var template = Template.FromStack(w.Stack);
        var namespaceArn = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { template.FindResources("AWS::ServiceDiscovery::PrivateDnsNamespace").Keys.Single(), "Arn" } };
        template.HasResourceProperties("AWS::ECS::Cluster", new Dictionary<string, object> { ["ServiceConnectDefaults"] = new Dictionary<string, object> { ["Namespace"] = namespaceArn } });
        template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["Namespace"] = namespaceArn }),
        });
    }

    [Fact]
    public void ACloudMapOnlyDefault_IsNotTheClustersServiceConnectDefault_YetTheAppsServicesStillUseIt()
    {
        // The CDK's AddDefaultCloudMapNamespace(useForServiceConnect: false), for an existing namespace.
        var w = new Workloads();
        ClusterDefaultNamespace.Set(w.Cluster, w.Namespace, new ClusterDefaultNamespaceOptions { UseForServiceConnect = false });
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions(),
            ServiceConnect = new ServiceConnectOptions { Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders-sc" }] },
        });
        var template = Templates.Json(w.Stack);
        Assert.Null(Templates.OfType(template, "AWS::ECS::Cluster").Single().Value!["Properties"]?["ServiceConnectDefaults"]);
        Assert.Same(w.Namespace, service.CloudMapNamespace);
        Assert.Same(w.Namespace, service.ServiceConnectNamespace);
        var namespaceId = Templates.OfType(template, "AWS::ServiceDiscovery::PrivateDnsNamespace").Single().Key;
        var ecs = Templates.OfType(template, "AWS::ECS::Service").Single().Value!["Properties"]!;
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{namespaceId}\",\"Arn\"]}}", ecs["ServiceConnectConfiguration"]!["Namespace"]!.ToJsonString());
    }

    [Fact]
    public void ClusterThatAlreadyHasADefault_FailsWithMessage()
    {
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "apps.local", Vpc = w.Vpc });
        var error = Findings.Error(() => ClusterDefaultNamespace.Set(w.Cluster, w.Namespace));
        Assert.Equal(
            ["Cluster 'TestStack/Cluster': default namespace 'internal.example.com' cannot be set: the cluster already has default namespace 'apps.local'. Set the default once: drop AddDefaultCloudMapNamespace (or the earlier Set call). [ecs-discovery:cluster-default-namespace]"],
            error.Errors);
    }

    [Fact]
    public void PrivateNamespaceOfAnotherVpc_FailsWithMessage()
    {
        var w = new Workloads();
        var other = new PrivateDnsDiscoveryNamespace(w.Stack, "Other", new PrivateDnsDiscoveryNamespaceProps { Name = "other.local", Vpc = TestApp.ImportedVpc(w.Stack, "OtherVpc", "vpc-0fedcba9876543210") });
        var error = Findings.Error(() => ClusterDefaultNamespace.Set(w.Cluster, other));
        Assert.Equal(
            ["Cluster 'TestStack/Cluster': default namespace 'other.local' is associated with VPC 'vpc-0fedcba9876543210', but the cluster runs in VPC 'vpc-0123456789abcdef0': its tasks could not resolve the names. Use a private DNS namespace of the cluster's VPC. [ecs-discovery:cluster-default-namespace]"],
            error.Errors);
    }

    [Fact]
    public void AddDefaultCloudMapNamespaceAfterSet_FailsSynthesisAsASecondDefault()
    {
        var w = new Workloads();
        ClusterDefaultNamespace.Set(w.Cluster, w.Namespace);
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "apps.local", Vpc = w.Vpc });
        Assert.Contains(
            "Cluster 'TestStack/Cluster': default namespace 'internal.example.com' was set by ClusterDefaultNamespace.Set, and AddDefaultCloudMapNamespace then created a second one, 'apps.local': plain CDK services would register there, this library's services in 'internal.example.com'. Set the default once: drop the AddDefaultCloudMapNamespace call (or the Set call). [ecs-discovery:cluster-default-namespace]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void NullClusterAndNamespace_FailNamingBoth()
    {
        Assert.Equal(
            ["ClusterDefaultNamespace.Set '(no namespace)': cluster (null) is required. Set cluster; it cannot be null. [ecs-discovery:required-props]", "ClusterDefaultNamespace.Set '(no namespace)': namespace (null) is required. Set namespace; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => ClusterDefaultNamespace.Set(null!, null!)).Errors);
    }

    [Fact]
    public void ClusterDefaultNamespaceWithAnInvalidName_FailsWhenAServiceRunsInTheCluster()
    {
        // Found by the generator suite: the CDK does not check the names of the namespaces it creates.
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "bad name.local", Vpc = w.Vpc, UseForServiceConnect = true });
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
        }));
        Assert.Equal(
            ["PrivateDnsNamespace 'TestStack/Cluster/DefaultServiceDiscoveryNamespace': Name 'bad name.local' is not a DNS name: use dot-separated labels of 1-63 letters, digits, '-' or '_', not starting or ending with '-'. Use a domain such as 'internal.example.com'. [ecs-discovery:namespace-name]"],
            error.Errors);
    }

    [Fact]
    public void AClusterDefaultNamespace_NeedsAClusterAndANamespace()
    {
        var w = new Workloads();
        Assert.Equal(
            ["ClusterDefaultNamespace.Set 'TestStack/Namespace': cluster (null) is required. Set cluster; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => ClusterDefaultNamespace.Set(null!, w.Namespace)).Errors);
        Assert.Equal(
            ["Cluster 'TestStack/Cluster': namespace (null) is required. Set namespace; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => ClusterDefaultNamespace.Set(w.Cluster, null!)).Errors);
    }

    [Theory]
    [InlineData(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.HTTP, "HttpNamespace")]
    [InlineData(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.DNS_PUBLIC, "PublicDnsNamespace")]
    [InlineData(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.DNS_PRIVATE, "PrivateDnsNamespace")]
    public void AClusterDefaultNamespaceWithAnInvalidName_IsNamedByItsKind(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType type, string kind)
    {
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "bad name.local", Type = type, Vpc = type == Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.DNS_PRIVATE ? w.Vpc : null });
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions()));
        Assert.StartsWith($"{kind} 'TestStack/Cluster/DefaultServiceDiscoveryNamespace': Name 'bad name.local' ", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
