using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation;

public class ExecNetworkPathTests
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

    private static DiscoverableFargateService Service(Stack stack, Cluster cluster) => new(stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        Exec = new ExecOptions { EnableInitProcess = true },
    });

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
        var error = Assert.ThrowsAny<Exception>(() => ((App)stack.Node.Root).Synth());
        Assert.Contains(
            "[TestStack/Vpc] DiscoverableFargateService 'TestStack/Orders': Exec is on, but its tasks' subnets have no route out (isolated subnets, or public subnets without AssignPublicIp) and VPC 'TestStack/Vpc' has no ssmmessages interface endpoint, so sessions could not connect. Call ExecNetwork.AddSsmMessagesEndpoint(vpc), or run the tasks in subnets with egress. [ecs-discovery:exec-network-path]",
            error.Message,
            StringComparison.Ordinal);
    }
}
