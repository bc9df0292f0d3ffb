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
        var config = ((object[])TemplateResources.OnlyProperties(w.Stack, "AWS::ECS::Service")["VpcLatticeConfigurations"]).Cast<IDictionary<string, object>>().Single();
        Assert.Equal("http", config["PortName"]);
        Assert.Equal("arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/tg-0123456789abcdef0", config["TargetGroupArn"]);
        var role = System.Text.Json.JsonSerializer.Serialize(Amazon.CDK.Assertions.Template.FromStack(w.Stack).FindResources("AWS::IAM::Role"));
        Assert.Contains("AmazonECSInfrastructureRolePolicyForVpcLattice", role, StringComparison.Ordinal);
        Assert.Contains("OrdersVpcLatticeInfrastructureRole", System.Text.Json.JsonSerializer.Serialize(config["RoleArn"]), StringComparison.Ordinal);
    }
}
