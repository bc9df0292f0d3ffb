using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceShareOnceTests
{
    [Fact]
    public void OneShare_IsCreated()
    {
        var stack = TestApp.CreateStack();
        _ = new HttpDiscoveryNamespace(stack, "Apps", new HttpDiscoveryNamespaceProps { Name = "apps" }).ShareWith(new NamespaceShareOptions { Principals = ["444455556666", "777788889999"] });
        Amazon.CDK.Assertions.Template.FromStack(stack).ResourceCountIs("AWS::RAM::ResourceShare", 1);
    }

    [Fact]
    public void ASecondShare_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = new HttpDiscoveryNamespace(stack, "Apps", new HttpDiscoveryNamespaceProps { Name = "apps" });
        _ = ns.ShareWith(new NamespaceShareOptions { Principals = ["444455556666"] });
        var error = Findings.Error(() => ns.ShareWith(new NamespaceShareOptions { Principals = ["777788889999"] }));
        Assert.Equal("HttpDiscoveryNamespace 'TestStack/Apps': ShareWith was already called for this namespace. Give every principal in one ShareWith call. [ecs-discovery:namespace-share-once]", error.Message);
    }
}
