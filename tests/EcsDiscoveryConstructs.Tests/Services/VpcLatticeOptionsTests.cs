using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

public class VpcLatticeOptionsTests
{
    internal static DiscoverableFargateService Service(Workloads w, VpcLatticeOptions lattice) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        VpcLattice = lattice,
    });

    [Fact]
    public void Target_EmitsConfigurationWithACreatedInfrastructureRole()
    {
        var w = new Workloads();
        _ = Service(w, new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0", PortName = "http" }] });
        var config = Templates.Objects(Templates.OnlyProperties(w.Stack, "AWS::ECS::Service")["VpcLatticeConfigurations"]).Single();
        Assert.Equal("http", Templates.Str(config["PortName"]));
        Assert.Equal("arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0", Templates.Str(config["TargetGroupArn"]));
        var role = string.Concat(Templates.OfType(w.Stack, "AWS::IAM::Role").Values.Select(r => r.ToJsonString()));
        Assert.Contains("AmazonECSInfrastructureRolePolicyForVpcLattice", role, StringComparison.Ordinal);
        Assert.Contains("OrdersVpcLatticeInfrastructureRole", config["RoleArn"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
