using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class PrivateNamespaceVpcTests
{
    [Fact]
    public void Vpc_Given_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        Assert.NotNull(ns.Vpc);
    }

    [Fact]
    public void Vpc_Null_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => new PrivateDnsDiscoveryNamespace(stack, "Private", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = null! }));
        Assert.Equal(
            "PrivateDnsDiscoveryNamespace 'TestStack/Private': Vpc (not set) is required for a private DNS namespace. Pass the VPC your tasks run in, e.g. Vpc = vpc. [ecs-discovery:private-namespace-vpc]",
            error.Message);
    }
}
