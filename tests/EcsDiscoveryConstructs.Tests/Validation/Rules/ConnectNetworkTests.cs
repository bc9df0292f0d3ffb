using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ConnectNetworkTests
{
    [Fact]
    public void CallerInAnotherClusterOfTheSameVpc_Connects()
    {
        var w = new Workloads();
        var target = w.DnsService("Orders", "orders");
        var otherCluster = new Cluster(w.Stack, "OtherCluster", new ClusterProps { Vpc = w.Vpc });
        var caller = new DiscoverableFargateService(w.Stack, "Web", new DiscoverableFargateServiceProps { Cluster = otherCluster, Name = "web", Container = Workloads.WebContainer() });
        Assert.Equal(ConnectionMode.Dns, caller.ConnectTo(target).Mode);
    }

    [Fact]
    public void CallerInAnotherVpc_ToAPrivateDnsTarget_FailsNamingBothVpcs()
    {
        var w = new Workloads();
        var target = w.DnsService("Orders", "orders");
        var otherVpc = TestApp.ImportedVpc(w.Stack, "OtherVpc", "vpc-0fedcba9876543210");
        var otherCluster = new Cluster(w.Stack, "OtherCluster", new ClusterProps { Vpc = otherVpc });
        var caller = new DiscoverableFargateService(w.Stack, "Web", new DiscoverableFargateServiceProps { Cluster = otherCluster, Name = "web", Container = Workloads.WebContainer() });
        var error = Findings.Error(() => caller.ConnectTo(target));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Web': target 'TestStack/Orders' runs in VPC 'vpc-0123456789abcdef0', but 'TestStack/Web' runs in VPC 'vpc-0fedcba9876543210': a security-group rule cannot reference a group in another VPC, and its private DNS name 'orders.internal.example.com' resolves only in that VPC. Run both services in clusters of one VPC, or connect through a load balancer or VPC Lattice and open the security groups by CIDR yourself. [ecs-discovery:connect-network]"],
            error.Errors);
    }

    [Fact]
    public void CallerInAnotherVpc_ToAServiceConnectTarget_FailsWithoutADnsRemark()
    {
        var w = new Workloads();
        var target = w.ScService("Orders", "orders");
        var otherVpc = TestApp.ImportedVpc(w.Stack, "OtherVpc", "vpc-0fedcba9876543210");
        var otherCluster = new Cluster(w.Stack, "OtherCluster", new ClusterProps { Vpc = otherVpc });
        var caller = new DiscoverableFargateService(w.Stack, "Web", new DiscoverableFargateServiceProps { Cluster = otherCluster, Name = "web", Container = Workloads.WebContainer() });
        Assert.Contains(
            "DiscoverableFargateService 'TestStack/Web': target 'TestStack/Orders' runs in VPC 'vpc-0123456789abcdef0', but 'TestStack/Web' runs in VPC 'vpc-0fedcba9876543210': a security-group rule cannot reference a group in another VPC. Run both services in clusters of one VPC, or connect through a load balancer or VPC Lattice and open the security groups by CIDR yourself. [ecs-discovery:connect-network]",
            Findings.Error(() => caller.ConnectTo(target)).Errors);
    }
}
