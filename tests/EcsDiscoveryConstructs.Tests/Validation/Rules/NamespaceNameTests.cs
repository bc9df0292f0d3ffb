using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NamespaceNameTests
{
    [Theory]
    [InlineData("internal.example.com")]
    [InlineData("local")]
    [InlineData("_svc.corp")]
    public void PrivateDns_ValidDomain_Passes(string name)
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack, name);
        Assert.Equal(name, ns.NamespaceName);
    }

    [Fact]
    public void PrivateDns_LabelWithSpace_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => Fixtures.PrivateNamespace(stack, "my namespace.local"));
        Assert.Equal(
            "PrivateDnsDiscoveryNamespace 'TestStack/Private': Name 'my namespace.local' is not a DNS name: use dot-separated labels of 1-63 letters, digits, '-' or '_', not starting or ending with '-'. Use a domain such as 'internal.example.com'. [ecs-discovery:namespace-name]",
            error.Message);
    }

    [Fact]
    public void PublicDns_TrailingDot_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => Fixtures.PublicNamespace(stack, "api.example.com."));
        Assert.Equal(
            "PublicDnsDiscoveryNamespace 'TestStack/Public': Name 'api.example.com.' ends with '.': give the name without the trailing dot. Use a domain such as 'internal.example.com'. [ecs-discovery:namespace-name]",
            error.Message);
    }

    [Fact]
    public void PrivateDns_TooLong_FailsWithLength()
    {
        var stack = TestApp.CreateStack();
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 5));
        var error = Findings.Error(() => Fixtures.PrivateNamespace(stack, name));
        Assert.Contains($"Name '{name}' has 304 characters: use 1-253.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_NameWithSpaces_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => Fixtures.HttpNamespace(stack, "internal api"));
        Assert.Equal(
            "HttpDiscoveryNamespace 'TestStack/Http': Name 'internal api' contains spaces or characters outside printable ASCII ('!' to '~'). Use a short name such as 'internal-api'. [ecs-discovery:namespace-name]",
            error.Message);
    }

    [Fact]
    public void Http_ArnAsName_Fails()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => Fixtures.HttpNamespace(stack, "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc"));
        Assert.Contains("starts with 'arn:': a namespace name is a plain name, not an ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_NameWithUnderscoresAndCaps_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack, "Team_A-Services");
        Assert.Equal(NamespaceType.HTTP, ns.NamespaceType);
    }

    [Fact]
    public void Name_Token_IsSkipped()
    {
        var stack = TestApp.CreateStack();
        var name = new CfnParameter(stack, "NsName").ValueAsString;
        var ns = Fixtures.HttpNamespace(stack, name);
        Assert.True(Token.IsUnresolved(ns.NamespaceName));
    }

    [Fact]
    public void NamesAtTheirLongest_Pass()
    {
        var stack = TestApp.CreateStack();
        var dns = string.Join('.', Enumerable.Repeat(new string('n', 63), 3)) + "." + new string('n', 61);
        var http = new string('h', 1024);
        Assert.Equal((253, 1024), (Fixtures.PrivateNamespace(stack, dns).NamespaceName.Length, Fixtures.HttpNamespace(stack, http).NamespaceName.Length));
    }

    [Fact]
    public void HttpNameOneCharacterTooLong_FailsWithTheCount()
    {
        var stack = TestApp.CreateStack();
        var name = new string('h', 1025);
        Assert.Equal([$"HttpDiscoveryNamespace 'TestStack/Http': Name '{name}' has 1025 characters: use 1-1024. Use a short name such as 'internal-api'. [ecs-discovery:namespace-name]"], Findings.Error(() => Fixtures.HttpNamespace(stack, name)).Errors);
    }
}
