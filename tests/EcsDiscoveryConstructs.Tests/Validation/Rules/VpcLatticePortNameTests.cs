using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class VpcLatticePortNameTests
{
    private const string Arn = "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0";

    [Fact]
    public void ExistingPortName_IsAccepted()
    {
        var w = new Workloads();
        _ = VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "http" }] });
        Assert.True(Templates.OnlyProperties(w.Stack, "AWS::ECS::Service").ContainsKey("VpcLatticeConfigurations"));
    }

    [Fact]
    public void UnknownPortName_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = Arn, PortName = "api" }] }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': VpcLattice.Targets[0].PortName 'api' names no port mapping of the task definition (its port mapping names: 'http'). Use the Name of a port mapping, e.g. PortMappings = [new PortMapping { Name = \"api\", ContainerPort = 8080 }] and PortName = \"api\". [ecs-discovery:vpc-lattice-port-name]", error.Message);
    }

    [Fact]
    public void NoTargets_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [] }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': VpcLattice.Targets is empty. Give at least one VpcLatticeTarget, or remove VpcLattice. [ecs-discovery:vpc-lattice-port-name]", error.Message);
    }

    [Fact]
    public void ANullTarget_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => VpcLatticeOptionsTests.Service(w, new VpcLatticeOptions { Targets = [null!] }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': VpcLattice.Targets[0] is null. Remove the entry or give a VpcLatticeTarget. [ecs-discovery:vpc-lattice-port-name]", error.Message);
    }
}
