using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Amazon.CDK;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class TagsFormatTests
{
    [Fact]
    public void Tags_Valid_AreEmitted()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", Tags = new Dictionary<string, string> { ["team"] = "payments" } });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["Tags"] = new object[] { new Dictionary<string, object> { ["Key"] = "team", ["Value"] = "payments" } },
        });
    }

    [Fact]
    public void Tags_ReservedPrefixAndTooMany_FailsWithBothMessages()
    {
        var stack = TestApp.CreateStack();
        var tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v");
        tags["aws:owner"] = "me";
        var error = Findings.Error(() => new HttpDiscoveryNamespace(stack, "Http", new HttpDiscoveryNamespaceProps { Name = "internal-api", Tags = tags }));
        Assert.Equal(
            [
                "HttpDiscoveryNamespace 'TestStack/Http': Tags (51 tags) are too many: use at most 50. Remove tags, or tag through a parent scope with fewer tags. [ecs-discovery:tags-format]",
                "HttpDiscoveryNamespace 'TestStack/Http': Tags key 'aws:owner' is invalid: use 1-128 characters, not starting with 'aws:'. Rename the tag key. [ecs-discovery:tags-format]",
            ],
            error.Errors);
    }

    [Fact]
    public void Tags_ValueTooLong_Fails()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => new HttpDiscoveryNamespace(stack, "Http", new HttpDiscoveryNamespaceProps { Name = "internal-api", Tags = new Dictionary<string, string> { ["owner"] = new string('x', 257) } }));
        Assert.Equal(["HttpDiscoveryNamespace 'TestStack/Http': Tags['owner'] (257 characters) is too long: use at most 256 characters. Shorten the tag value. [ecs-discovery:tags-format]"], error.Errors);
    }

    [Fact]
    public void KeyAndValueAtTheirLongest_AreEmitted()
    {
        var stack = TestApp.CreateStack();
        var key = new string('k', 128);
        var value = new string('v', 256);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.HttpNamespace(stack), Name = "orders", Tags = new Dictionary<string, string> { [key] = value } });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["Tags"] = new object[] { new Dictionary<string, object> { ["Key"] = key, ["Value"] = value } },
        });
    }

    [Fact]
    public void KeyOneCharacterTooLong_AndATokenKeysTooLongValue_Fail()
    {
        // A key resolved only at deploy cannot be judged now; its value can.
        var stack = TestApp.CreateStack();
        var tokenKey = new Amazon.CDK.CfnParameter(stack, "TagKey").ValueAsString;
        var longKey = new string('k', 129);
        var error = Findings.Error(() => new HttpDiscoveryNamespace(stack, "Http", new HttpDiscoveryNamespaceProps { Name = "internal-api", Tags = new Dictionary<string, string> { [longKey] = "v", [tokenKey] = new string('v', 257) } }));
        Assert.Equal(
            [
                $"HttpDiscoveryNamespace 'TestStack/Http': Tags key '{longKey}' is invalid: use 1-128 characters, not starting with 'aws:'. Rename the tag key. [ecs-discovery:tags-format]",
                $"HttpDiscoveryNamespace 'TestStack/Http': Tags['{tokenKey}'] (257 characters) is too long: use at most 256 characters. Shorten the tag value. [ecs-discovery:tags-format]",
            ],
            error.Errors);
    }

    [Fact]
    public void FiftyPropTagsPlusOneFromTheStack_FailsSynthesis()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v");
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new(), Tags = tags });
        Tags.Of(stack).Add("team", "payments");
        Assert.Contains(
            "DiscoveryService 'TestStack/Orders': Tags (51 tags in the template: 1 from Tags.Of(...) on a parent scope, 50 from Tags) are too many: use at most 50. Remove tags from the construct or its parent scopes, or exclude this resource type from the parent's tags (TagProps.ExcludeResourceTypes). [ecs-discovery:tags-format]",
            Findings.SynthError(stack).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyTagsProp_IsLikeNoTags_TheTemplatesTagsAreNotReadBack()
    {
        // Reading a resource's tags back costs two jsii calls per construct: done only for constructs given Tags (see EffectiveTags).
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new(), Tags = new Dictionary<string, string>() });
        foreach (var i in Enumerable.Range(0, 51))
        {
            Tags.Of(stack).Add($"team{i}", "payments");
        }

        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void FortyNinePropTagsPlusOneFromTheStack_Synthesizes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new(), Tags = Enumerable.Range(0, 49).ToDictionary(i => $"k{i}", i => "v") });
        Tags.Of(stack).Add("team", "payments");
        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }
}
