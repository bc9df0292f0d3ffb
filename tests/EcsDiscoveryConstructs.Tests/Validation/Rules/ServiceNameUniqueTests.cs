using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceNameUniqueTests
{
    [Fact]
    public void SameNameInDifferentNamespaces_Synthesizes()
    {
        var stack = TestApp.CreateStack();
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(Fixtures.PrivateNamespace(stack)));
        _ = new DiscoveryService(stack, "B", new DiscoveryServiceProps { Namespace = Fixtures.HttpNamespace(stack), Name = "orders" });
        var assembly = ((Amazon.CDK.App)stack.Node.Root).Synth();
        Assert.Single(assembly.Stacks);
    }

    [Fact]
    public void NamesDifferingOnlyByCaseInDnsNamespace_FailSynthesisNamingBoth()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(ns, "orders"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(ns, "Orders"));
        var error = Assert.ThrowsAny<Exception>(() => ((Amazon.CDK.App)stack.Node.Root).Synth());
        Assert.Contains(
            "[TestStack/Private] DiscoveryService 'TestStack/A' and 'TestStack/B': Name 'orders', 'Orders' is used more than once in namespace 'internal.example.com' (names in DNS namespaces are case-insensitive). Give each service its own name. [ecs-discovery:service-name-unique]",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void NamesDifferingOnlyByCaseInHttpNamespace_Synthesize()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        _ = new DiscoveryService(stack, "A", new DiscoveryServiceProps { Namespace = ns, Name = "orders" });
        _ = new DiscoveryService(stack, "B", new DiscoveryServiceProps { Namespace = ns, Name = "Orders" });
        var assembly = ((Amazon.CDK.App)stack.Node.Root).Synth();
        Assert.Single(assembly.Stacks);
    }

    [Fact]
    public void TheSameNameTwiceInHttpNamespace_FailsSynthesis_WithoutTheDnsCaseNote()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        _ = new DiscoveryService(stack, "A", new DiscoveryServiceProps { Namespace = ns, Name = "orders" });
        _ = new DiscoveryService(stack, "B", new DiscoveryServiceProps { Namespace = ns, Name = "orders" });
        var error = Assert.ThrowsAny<Exception>(() => ((Amazon.CDK.App)stack.Node.Root).Synth());
        Assert.Contains(
            "[TestStack/Http] DiscoveryService 'TestStack/A' and 'TestStack/B': Name 'orders' is used more than once in namespace 'internal-api'. Give each service its own name. [ecs-discovery:service-name-unique]",
            error.Message,
            StringComparison.Ordinal);
    }
}
