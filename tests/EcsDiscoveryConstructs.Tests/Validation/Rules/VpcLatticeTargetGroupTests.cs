using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class VpcLatticeTargetGroupTests
{
    private const string Arn = "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0";

    [Fact]
    public void ALatticeTargetGroupArn_IsEmitted()
    {
        var w = new Workloads();
        _ = VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }] });
        Assert.Contains(Arn, Templates.OnlyProperties(w.Stack, "AWS::ECS::Service")["VpcLatticeConfigurations"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef")]
    [InlineData("tg-0123456789abcdef0")]
    [InlineData("arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789ABCDEF0")]
    [InlineData("arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef")]
    public void AnythingButALatticeTargetGroupArn_FailsWithMessage(string arn)
    {
        var w = new Workloads();
        var error = Findings.Error(() => VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = arn, PortName = "http" }] }));
        Assert.Equal($"DiscoverableFargateService 'TestStack/Orders': VpcLattice.Targets[0].TargetGroupArn '{arn}' is not a VPC Lattice target group ARN (arn:PARTITION:vpc-lattice:REGION:ACCOUNT:targetgroup/tg-...). Pass a Lattice target group's ARN, e.g. new CfnTargetGroup(...).AttrArn. [ecs-discovery:vpc-lattice-target-group]", error.Message);
    }

    [Fact]
    public void OneTargetGroupTwice_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }, new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }] }));
        Assert.Equal($"DiscoverableFargateService 'TestStack/Orders': VpcLattice.Targets TargetGroupArn '{Arn}' is given 2 times. Register the service in each target group once. [ecs-discovery:vpc-lattice-target-group]", error.Message);
    }
}
