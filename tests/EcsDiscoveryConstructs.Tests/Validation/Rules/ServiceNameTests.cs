using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceNameTests
{
    [Theory]
    [InlineData("orders")]
    [InlineData("_orders._tcp")]
    [InlineData("Orders-V2")]
    public void Name_Valid_Passes(string name)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.PrivateNamespace(stack), name));
        Assert.Equal(name, service.ServiceName);
    }

    [Fact]
    public void Name_LeadingHyphen_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", Fixtures.GoodService(ns, "-orders")));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': Name '-orders' is invalid: use dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-' (a one-character label is a letter or digit). Use a DNS-style name such as 'orders' or '_orders._tcp'. [ecs-discovery:service-name]",
            error.Message);
    }

    [Theory]
    [InlineData("_")]
    [InlineData("_orders._")]
    public void Name_OneCharacterUnderscoreLabel_FailsLikeTheCloudMapApi(string name)
    {
        // Found by the generator suite: the CreateService Name pattern allows '_' only in labels of two or more characters.
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", Fixtures.GoodService(ns, name)));
        Assert.Contains($"Name '{name}' is invalid: use dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-' (a one-character label is a letter or digit).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_128Characters_FailsWithLength()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var name = new string('a', 60) + "." + new string('b', 67);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = name }));
        Assert.Contains($"Name '{name}' has 128 characters: use 1-127.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_Null_FailsAsRequired()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = null! }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': Name (not set) is required. Give the service the name clients will look up, e.g. Name = \"orders\". [ecs-discovery:service-name]",
            error.Message);
    }

    [Fact]
    public void NameAtTheLongest_Passes()
    {
        var stack = TestApp.CreateStack();
        var name = new string('o', 63) + "." + new string('o', 63);
        Assert.Equal(127, new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.HttpNamespace(stack), name)).ServiceName.Length);
    }
}
