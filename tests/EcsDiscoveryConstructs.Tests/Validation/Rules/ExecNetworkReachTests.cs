using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecNetworkReachTests
{
    private static (Stack Stack, Vpc Vpc, Cluster Cluster) IsolatedNetwork()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "Tasks", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 }],
        });
        return (stack, vpc, new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc }));
    }

    private static DiscoverableFargateService Service(Stack stack, Cluster cluster, string id = "Orders", SubnetSelection? subnets = null, bool assignPublicIp = false) => new(stack, id, new DiscoverableFargateServiceProps
    {
        Cluster = cluster,
        Name = id.ToLowerInvariant(),
        Container = Workloads.WebContainer(),
        Exec = new ExecOptions { EnableInitProcess = true },
        VpcSubnets = subnets,
        AssignPublicIp = assignPublicIp,
    });

    private static (Stack Stack, Vpc Vpc, Cluster Cluster) PublicAndIsolatedNetwork()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "Tasks", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });
        return (stack, vpc, new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc }));
    }

    private static string Cut(string id) =>
        $"[TestStack/Vpc] DiscoverableFargateService 'TestStack/{id}': Exec is on, but its tasks' subnets have no route out (isolated subnets, or public subnets without AssignPublicIp) and VPC 'TestStack/Vpc' has no ssmmessages interface endpoint, so sessions could not connect. Call ExecNetwork.AddSsmMessagesEndpoint(vpc), or run the tasks in subnets with egress. [ecs-discovery:exec-network-path]";

    [Fact]
    public void PublicSubnetsWithAPublicIp_Synthesize()
    {
        var (stack, _, cluster) = PublicAndIsolatedNetwork();
        _ = Service(stack, cluster, subnets: new SubnetSelection { SubnetType = SubnetType.PUBLIC }, assignPublicIp: true);
        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void PublicSubnetsWithoutAPublicIp_FailSynthesisWithMessage()
    {
        var (stack, _, cluster) = PublicAndIsolatedNetwork();
        _ = Service(stack, cluster, subnets: new SubnetSelection { SubnetType = SubnetType.PUBLIC });
        Assert.Contains(Cut("Orders"), Findings.SynthError(stack).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APublicIpInIsolatedSubnets_DoesNotMakeARoute()
    {
        var (stack, _, cluster) = PublicAndIsolatedNetwork();
        _ = Service(stack, cluster, subnets: new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED }, assignPublicIp: true);
        Assert.Contains(Cut("Orders"), Findings.SynthError(stack).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheServicesWithoutARoute_AreNamed_EachOnceEvenWhenPlacedAlike()
    {
        var (stack, _, cluster) = PublicAndIsolatedNetwork();
        var isolated = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED };
        _ = Service(stack, cluster, "Orders", isolated);
        _ = Service(stack, cluster, "Web", new SubnetSelection { SubnetType = SubnetType.PUBLIC }, assignPublicIp: true);
        _ = Service(stack, cluster, "Billing", isolated);
        var lines = Findings.SynthError(stack).Message.Split('\n').Where(l => l.Contains("[ecs-discovery:exec-network-path]", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal([Cut("Orders"), Cut("Billing")], lines);
    }

    [Fact]
    public void AnEndpointInAnotherVpc_DoesNotCount()
    {
        var (stack, _, cluster) = IsolatedNetwork();
        _ = Service(stack, cluster);
        ExecNetwork.AddSsmMessagesEndpoint(new Vpc(stack, "OtherVpc", new VpcProps { MaxAzs = 1, NatGateways = 0 }));
        Assert.Contains(Cut("Orders"), Findings.SynthError(stack).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointOfAnotherService_DoesNotCount()
    {
        var (stack, vpc, cluster) = IsolatedNetwork();
        _ = Service(stack, cluster);
        _ = vpc.AddInterfaceEndpoint("Ssm", new InterfaceVpcEndpointOptions { Service = InterfaceVpcEndpointAwsService.SSM });
        Assert.Contains(Cut("Orders"), Findings.SynthError(stack).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateSubnetsWithEgress_Synthesize()
    {
        var w = new Workloads();
        _ = Service(w.Stack, w.Cluster);
        Assert.Single(((App)w.Stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void IsolatedSubnetsWithEndpoint_Synthesize()
    {
        var (stack, vpc, cluster) = IsolatedNetwork();
        _ = Service(stack, cluster);
        ExecNetwork.AddSsmMessagesEndpoint(vpc);
        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void IsolatedSubnetsWithoutEndpoint_FailSynthesisWithMessage()
    {
        var (stack, _, cluster) = IsolatedNetwork();
        _ = Service(stack, cluster);
        var error = Findings.SynthError(stack);
        Assert.Contains(
            "[TestStack/Vpc] DiscoverableFargateService 'TestStack/Orders': Exec is on, but its tasks' subnets have no route out (isolated subnets, or public subnets without AssignPublicIp) and VPC 'TestStack/Vpc' has no ssmmessages interface endpoint, so sessions could not connect. Call ExecNetwork.AddSsmMessagesEndpoint(vpc), or run the tasks in subnets with egress. [ecs-discovery:exec-network-path]",
            error.Message,
            StringComparison.Ordinal);
    }
}
