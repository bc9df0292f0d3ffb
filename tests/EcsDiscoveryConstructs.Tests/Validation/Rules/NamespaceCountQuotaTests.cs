using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceCountQuotaTests
{
    [Fact]
    public void FiftyNamespaces_NoWarning()
    {
        var stack = TestApp.CreateStack();
        for (var i = 0; i < 50; i++)
        {
            _ = new HttpDiscoveryNamespace(stack, $"Ns{i}", new HttpDiscoveryNamespaceProps { Name = $"ns-{i}" });
        }

        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void FiftyOneNamespacesAcrossStacks_WarnOnce()
    {
        var app = TestApp.Create();
        var first = TestApp.CreateStack(app, "First");
        var second = TestApp.CreateStack(app, "Second");
        for (var i = 0; i < 51; i++)
        {
            _ = new HttpDiscoveryNamespace(i < 30 ? first : second, $"Ns{i}", new HttpDiscoveryNamespaceProps { Name = $"ns-{i}" });
        }

        Assert.Empty(Findings.Warnings(first));
        Assert.Equal(
            ["Namespace 'Second/Ns50': namespace number 51 of this app is more than the default quota of 50 Cloud Map namespaces per Region. Request a higher quota, or share namespaces between services. [ecs-discovery:namespace-count-quota]"],
            Findings.Warnings(second));
    }
}
