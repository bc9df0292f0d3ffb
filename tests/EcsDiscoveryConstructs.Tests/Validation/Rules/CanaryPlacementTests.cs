using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CanaryPlacementTests
{
    [Fact]
    public void TheDefault_IsThePrivateSubnetsWithEgress()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = create();
        var vpcConfig = CanaryFixtures.Properties(w.Stack, "AWS::Lambda::Function")["VpcConfig"]!.AsObject();
        Assert.Equal(["subnet-a123456789abcdef0", "subnet-b123456789abcdef0"], vpcConfig["SubnetIds"]!.AsArray().Select(Templates.Str));
    }

    [Fact]
    public void AScopeInAnotherStack_FailsWithOurMessage()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Scope = TestApp.CreateStack((App)w.Stack.Node.Root, "Other") });
        var error = Findings.Error(() => create());
        Assert.Equal(["DiscoveryCanary 'TestStack/Canary': Scope 'Other' is in stack 'Other', not in the canary's stack 'TestStack'. Create the canary in the stack it checks. [ecs-discovery:canary-placement]"], error.Errors);
    }

    [Fact]
    public void PublicSubnets_FailWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
        var error = Findings.Error(() => new DiscoveryCanary(stack, "Canary", new DiscoveryCanaryProps { Vpc = vpc, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC } }));
        Assert.Equal(["DiscoveryCanary 'TestStack/Canary': VpcSubnets selects public subnets, where a Lambda function gets no public IP and cannot reach the Cloud Map API. Select private subnets with egress (the default), or isolated subnets with Cloud Map interface endpoints. [ecs-discovery:canary-placement]"], error.Errors);
    }

    [Fact]
    public void AVpcWithoutPrivateSubnets_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0, SubnetConfiguration = [new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC }] });
        var error = Findings.Error(() => new DiscoveryCanary(stack, "Canary", new DiscoveryCanaryProps { Vpc = vpc }));
        var message = Assert.Single(error.Errors);
        Assert.StartsWith("DiscoveryCanary 'TestStack/Canary': VpcSubnets selects no subnets in the VPC (", message, StringComparison.Ordinal);
        Assert.EndsWith("). Give the VPC private subnets with egress, or select the subnets the canary runs in. [ecs-discovery:canary-placement]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnePublicSubnetAmongPrivateOnes_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
        var selection = new SubnetSelection { Subnets = [vpc.PrivateSubnets[0], vpc.PublicSubnets[1]] };
        var error = Findings.Error(() => new DiscoveryCanary(stack, "Canary", new DiscoveryCanaryProps { Vpc = vpc, VpcSubnets = selection }));
        Assert.Equal(["DiscoveryCanary 'TestStack/Canary': VpcSubnets selects public subnets, where a Lambda function gets no public IP and cannot reach the Cloud Map API. Select private subnets with egress (the default), or isolated subnets with Cloud Map interface endpoints. [ecs-discovery:canary-placement]"], error.Errors);
    }

    [Fact]
    public void SubnetsOfAnotherVpc_FailNamingTheSubnet()
    {
        var (w, create) = CanaryFixtures.Build(w =>
        {
            var other = TestApp.ImportedVpc(w.Stack, "OtherVpc", "vpc-0fedcba9876543210");
            return new DiscoveryCanaryProps { Vpc = w.Vpc, VpcSubnets = new SubnetSelection { Subnets = other.PrivateSubnets } };
        });
        Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': VpcSubnets (subnet 'subnet-afedcba9876543210') selects a subnet that is not in the canary's Vpc: Lambda refuses subnets of another VPC than the security group's. Select subnets of Vpc, or give the canary the VPC those subnets are in. [ecs-discovery:canary-placement]"],
            Findings.Error(() => create()).Errors);
    }

    [Fact]
    public void SubnetsOfItsOwnVpcChosenOneByOne_AreUsed()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, VpcSubnets = new SubnetSelection { Subnets = [w.Vpc.PrivateSubnets[1]] } });
        _ = create();
        var vpcConfig = CanaryFixtures.Properties(w.Stack, "AWS::Lambda::Function")["VpcConfig"]!.AsObject();
        Assert.Equal(["subnet-b123456789abcdef0"], vpcConfig["SubnetIds"]!.AsArray().Select(Templates.Str));
    }
}
