using Amazon.CDK.AWS.EC2;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CanaryIsolatedSubnetsTests
{
    [Fact]
    public void PrivateSubnetsWithEgress_GiveNoWarning()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = create();
        Assert.Empty(Findings.Warnings(w.Stack, "canary-isolated-subnets"));
    }

    [Fact]
    public void IsolatedSubnets_Warn()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0, SubnetConfiguration = [new SubnetConfiguration { Name = "Isolated", SubnetType = SubnetType.PRIVATE_ISOLATED }] });
        _ = new Amazon.CDK.AWS.ServiceDiscovery.PrivateDnsNamespace(stack, "Ns", new Amazon.CDK.AWS.ServiceDiscovery.PrivateDnsNamespaceProps { Name = "a.internal", Vpc = vpc });
        _ = new DiscoveryCanary(stack, "Canary", new DiscoveryCanaryProps { Vpc = vpc, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } });
        Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': VpcSubnets selects isolated subnets only. Add interface endpoints for com.amazonaws.<region>.servicediscovery and data-servicediscovery to the VPC, or use private subnets with egress. [ecs-discovery:canary-isolated-subnets]"],
            Findings.Warnings(stack, "canary-isolated-subnets"));
    }
}
