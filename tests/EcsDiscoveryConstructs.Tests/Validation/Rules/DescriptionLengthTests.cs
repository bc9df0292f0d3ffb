using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DescriptionLengthTests
{
    [Fact]
    public void Description_1024Characters_Passes()
    {
        var stack = TestApp.CreateStack();
        _ = new HttpDiscoveryNamespace(stack, "Http", new HttpDiscoveryNamespaceProps { Name = "internal-api", Description = new string('d', 1024) });
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void Description_TooLongOnService_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", Description = new string('d', 1025) }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': Description (1025 characters) is too long: use at most 1024 characters. Shorten the description. [ecs-discovery:description-length]",
            error.Message);
    }
}
