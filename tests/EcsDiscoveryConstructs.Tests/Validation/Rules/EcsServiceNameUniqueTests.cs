using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

/// <summary>
/// ecs-service-name-unique across imports: one record per cluster, shared by every import of the same concrete
/// cluster name in the app; a cluster whose name is only known at deploy is its own record.
/// </summary>
public class EcsServiceNameUniqueTests
{
    private static ICluster Import(Stack stack, string id, string clusterName, IVpc vpc)
        => Cluster.FromClusterAttributes(stack, id, new ClusterAttributes { ClusterName = clusterName, Vpc = vpc, SecurityGroups = [] });

    private static void Service(Stack stack, string id, ICluster cluster, string name)
        => _ = new DiscoverableFargateService(stack, id, new DiscoverableFargateServiceProps { Cluster = cluster, Name = name, Container = Workloads.WebContainer() });

    [Fact]
    public void TwoImportsOfOneClusterName_ShareTheirNames_AndTheMessageNamesTheCluster()
    {
        var w = new Workloads();
        Service(w.Stack, "Orders", Import(w.Stack, "ProdA", "prod", w.Vpc), "orders");
        Service(w.Stack, "OrdersAgain", Import(w.Stack, "ProdB", "prod", w.Vpc), "orders");
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders' and 'TestStack/OrdersAgain': Name 'orders' is used by 2 ECS services in cluster 'prod'. Give each service its own Name. [ecs-discovery:ecs-service-name-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ImportsOfTwoClusterNames_KeepTheirOwnNames()
    {
        var w = new Workloads();
        Service(w.Stack, "Orders", Import(w.Stack, "Prod", "prod", w.Vpc), "orders");
        Service(w.Stack, "OrdersStaging", Import(w.Stack, "Staging", "staging", w.Vpc), "orders");
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void ImportsWhoseNamesAreKnownOnlyAtDeploy_AreNotAssumedToBeOneCluster()
    {
        var w = new Workloads();
        Service(w.Stack, "Orders", Import(w.Stack, "A", Fn.ImportValue("ClusterA"), w.Vpc), "orders");
        Service(w.Stack, "OrdersAgain", Import(w.Stack, "B", Fn.ImportValue("ClusterB"), w.Vpc), "orders");
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void ThreeServicesOfOneName_AreCountedAndNamedInOrder()
    {
        var w = new Workloads();
        Service(w.Stack, "A", w.Cluster, "orders");
        Service(w.Stack, "B", w.Cluster, "orders");
        Service(w.Stack, "C", w.Cluster, "orders");
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/A' and 'TestStack/B' and 'TestStack/C': Name 'orders' is used by 3 ECS services in cluster 'TestStack/Cluster'. Give each service its own Name. [ecs-discovery:ecs-service-name-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterNamedLikeAnotherSharedRecord_KeepsItsOwnRecord()
    {
        // The app's shared records are keyed by kind and name: a cluster named 'ecs-registrations' is not the record of
        // the services ECS registers into Cloud Map services.
        var w = new Workloads();
        var cluster = Import(w.Stack, "Odd", "ecs-registrations", w.Vpc);
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = cluster, Name = "orders", Container = Workloads.WebContainer() });
        var discovery = new EcsDiscoveryConstructs.CloudMap.DiscoveryService(w.Stack, "Discovery", Fixtures.GoodService(w.Namespace, "orders"));
        discovery.RegisterEcsService(service.Service);
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void TwoServicesWithOneNameInOneCluster_FailSynthesisNamingBoth()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        _ = new DiscoverableFargateService(w.Stack, "OrdersAgain", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer() });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Orders' and 'TestStack/OrdersAgain': Name 'orders' is used by 2 ECS services in cluster 'TestStack/Cluster'. Give each service its own Name. [ecs-discovery:ecs-service-name-unique]",
            Findings.SynthError(w.Stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void OneNameInTwoClusters_Synthesizes()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        var other = new Cluster(w.Stack, "Other", new ClusterProps { Vpc = w.Vpc });
        _ = new DiscoverableFargateService(w.Stack, "OrdersElsewhere", new DiscoverableFargateServiceProps { Cluster = other, Name = "orders", Container = Workloads.WebContainer() });
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }
}
