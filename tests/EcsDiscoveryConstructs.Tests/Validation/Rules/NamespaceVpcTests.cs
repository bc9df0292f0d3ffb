using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceVpcTests
{
    [Fact]
    public void SameVpc_Passes()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        Assert.Same(w.Vpc, service.CloudMapNamespace!.Vpc);
    }

    [Fact]
    public void OtherVpc_FailsWithMessage()
    {
        var w = new Workloads();
        var otherVpc = TestApp.ImportedVpc(w.Stack, "OtherVpc", "vpc-0fedcba9876543210");
        var other = new PrivateDnsDiscoveryNamespace(w.Stack, "Other", new PrivateDnsDiscoveryNamespaceProps { Name = "other.example.com", Vpc = otherVpc });
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = other }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': CloudMap namespace 'other.example.com' is associated with VPC 'vpc-0fedcba9876543210', but the cluster runs in VPC 'vpc-0123456789abcdef0': the tasks could not resolve its names. Use a namespace created for the cluster's VPC, or run the service in the namespace's VPC. [ecs-discovery:namespace-vpc]",
            error.Message);
    }

    [Fact]
    public void TwoVpcsCreatedInTheApp_Fail()
    {
        var stack = TestApp.CreateStack();
        var vpcA = new Amazon.CDK.AWS.EC2.Vpc(stack, "A", new Amazon.CDK.AWS.EC2.VpcProps { MaxAzs = 1, NatGateways = 0 });
        var vpcB = new Amazon.CDK.AWS.EC2.Vpc(stack, "B", new Amazon.CDK.AWS.EC2.VpcProps { MaxAzs = 1, NatGateways = 0 });
        var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpcA });
        var ns = new PrivateDnsDiscoveryNamespace(stack, "Ns", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = vpcB });
        var error = Findings.Error(() => new DiscoverableFargateService(stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
        }));
        Assert.Contains("ServiceConnect namespace 'internal.example.com' is associated with VPC 'TestStack/B', but the cluster runs in VPC 'TestStack/A'", error.Message, StringComparison.Ordinal);
    }
}
