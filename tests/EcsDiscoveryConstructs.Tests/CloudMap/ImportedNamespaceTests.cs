using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

/// <summary>
/// Imports of one namespace share their service names: the namespace is known by its id (given, or read from the ARN),
/// else by its type and name (DNS names without case); imports whose every attribute is a token are each their own.
/// </summary>
public class ImportedNamespaceTests
{
    private const string Id = "ns-ylexjili4cdxy3xm";
    private const string Arn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/" + Id;

    private static string Token(string name) => Fn.ImportValue(name);

    private static bool ShareNames(Func<Stack, string, IDiscoveryNamespace> import)
    {
        var stack = TestApp.CreateStack();
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(import(stack, "First"), "api"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(import(stack, "Second"), "api"));
        try
        {
            _ = ((App)stack.Node.Root).Synth();
            return false;
        }
        catch (Exception e) when (e.Message.Contains("[ecs-discovery:service-name-unique]", StringComparison.Ordinal))
        {
            return true;
        }
    }

    [Fact]
    public void AConcreteId_IsTheIdentity_WhateverTheOtherAttributes()
        => Assert.True(ShareNames((stack, id) => HttpDiscoveryNamespace.FromAttributes(stack, id, new DiscoveryNamespaceAttributes
        {
            NamespaceId = Id,
            NamespaceArn = Token(id + "Arn"),
            NamespaceName = Token(id + "Name"),
        })));

    [Fact]
    public void AnIdReadFromTheArn_IsTheSameIdentityAsTheIdItself()
        => Assert.True(ShareNames((stack, id) => HttpDiscoveryNamespace.FromAttributes(stack, id, new DiscoveryNamespaceAttributes
        {
            NamespaceId = id == "First" ? Id : Token(id + "Id"),
            NamespaceArn = id == "First" ? Token(id + "Arn") : Arn,
            NamespaceName = Token(id + "Name"),
        })));

    [Fact]
    public void TwoIds_AreTwoNamespaces_EvenWithOneName()
        => Assert.False(ShareNames((stack, id) => HttpDiscoveryNamespace.FromAttributes(stack, id, new DiscoveryNamespaceAttributes
        {
            NamespaceId = id == "First" ? Id : "ns-0123456789abcdef",
            NamespaceArn = Token(id + "Arn"),
            NamespaceName = "internal-api",
        })));

    [Fact]
    public void ADnsName_IsTheIdentityWithoutCase()
        => Assert.True(ShareNames((stack, id) => PrivateDnsDiscoveryNamespace.FromAttributes(stack, id, new DiscoveryNamespaceAttributes
        {
            NamespaceId = Token(id + "Id"),
            NamespaceArn = Token(id + "Arn"),
            NamespaceName = id == "First" ? "Internal.Example.com" : "internal.example.com",
        })));

    [Fact]
    public void AnHttpName_IsTheIdentityWithItsCase()
    {
        DiscoveryNamespaceAttributes Attributes(string id, string name) => new() { NamespaceId = Token(id + "Id"), NamespaceArn = Token(id + "Arn"), NamespaceName = name };
        Assert.False(ShareNames((stack, id) => HttpDiscoveryNamespace.FromAttributes(stack, id, Attributes(id, id == "First" ? "Internal-Api" : "internal-api"))));
        Assert.True(ShareNames((stack, id) => HttpDiscoveryNamespace.FromAttributes(stack, id, Attributes(id, "internal-api"))));
    }

    [Fact]
    public void OneNameOfTwoTypes_IsTwoNamespaces()
        => Assert.False(ShareNames((stack, id) =>
        {
            var attributes = new DiscoveryNamespaceAttributes { NamespaceId = Token(id + "Id"), NamespaceArn = Token(id + "Arn"), NamespaceName = "internal.example.com" };
            return id == "First" ? PrivateDnsDiscoveryNamespace.FromAttributes(stack, id, attributes) : PublicDnsDiscoveryNamespace.FromAttributes(stack, id, attributes);
        }));

    [Fact]
    public void AllTokens_AreNotAssumedToBeOneNamespace()
        => Assert.False(ShareNames((stack, id) => HttpDiscoveryNamespace.FromAttributes(stack, id, new DiscoveryNamespaceAttributes
        {
            NamespaceId = Token(id + "Id"),
            NamespaceArn = Token(id + "Arn"),
            NamespaceName = Token(id + "Name"),
        })));

    [Fact]
    public void AVpcGivenForAnHttpOrPublicImport_IsNotItsVpc()
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var attributes = new DiscoveryNamespaceAttributes { NamespaceId = Id, NamespaceArn = Arn, NamespaceName = "internal.example.com", Vpc = vpc };
        Assert.Null(HttpDiscoveryNamespace.FromAttributes(stack, "Http", attributes).Vpc);
        Assert.Null(PublicDnsDiscoveryNamespace.FromAttributes(stack, "Public", attributes).Vpc);
        Assert.Same(vpc, PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Private", attributes).Vpc);
    }

    [Fact]
    public void MissingAttributes_AreNamedWithTheImportsPath_OrItsIdAtTheRoot()
    {
        var stack = TestApp.CreateStack();
        var partial = new DiscoveryNamespaceAttributes { NamespaceId = Id, NamespaceArn = null!, NamespaceName = "internal-api" };
        Assert.Equal(
            ["HttpDiscoveryNamespace 'TestStack/Imported': NamespaceArn (null) is required. Set NamespaceArn; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => HttpDiscoveryNamespace.FromAttributes(stack, "Imported", partial)).Errors);
        Assert.Equal(
            ["HttpDiscoveryNamespace 'Imported': NamespaceArn (null) is required. Set NamespaceArn; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => HttpDiscoveryNamespace.FromAttributes(TestApp.Create(), "Imported", partial)).Errors);
    }

    [Fact]
    public void NullAttributesOrProps_AreRefusedByName()
    {
        var stack = TestApp.CreateStack();
        Assert.Equal("attributes", Assert.Throws<ArgumentNullException>(() => HttpDiscoveryNamespace.FromAttributes(stack, "A", null!)).ParamName);
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new HttpDiscoveryNamespace(stack, "B", null!)).ParamName);
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new PrivateDnsDiscoveryNamespace(stack, "C", null!)).ParamName);
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new PublicDnsDiscoveryNamespace(stack, "D", null!)).ParamName);
        var ns = Fixtures.PrivateNamespace(stack);
        Assert.Equal("ttl", Assert.Throws<ArgumentNullException>(() => ns.SetSoaTtl(null!)).ParamName);
    }

    [Fact]
    public void Namespaces_AreCdkResources_CreatedOrImported_WithTheirStackEnvironmentAndRemovalPolicy()
    {
        var stack = TestApp.CreateStack();
        Amazon.CDK.IResource created = Fixtures.HttpNamespace(stack);
        Amazon.CDK.IResource imported = HttpDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = Id, NamespaceArn = Arn, NamespaceName = "imported-api" });

        created.ApplyRemovalPolicy(Amazon.CDK.RemovalPolicy.RETAIN);

        Assert.Same(stack, created.Stack);
        Assert.Same(stack, imported.Stack);
        Assert.Equal(stack.Account, created.Env.Account);
        Assert.Equal("TestStack/Imported", imported.Node.Path);
        var resource = Templates.Only(stack, "AWS::ServiceDiscovery::HttpNamespace");
        Assert.Equal("Retain", Templates.Str(resource["DeletionPolicy"]));
    }

    [Fact]
    public void OneNamespaceImportedTwice_SameServiceNameInBoth_FailsSynthesis()
    {
        var stack = TestApp.CreateStack();
        var attributes = new DiscoveryNamespaceAttributes { NamespaceId = "ns-ylexjili4cdxy3xm", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm", NamespaceName = "internal.example.com" };
        var first = HttpDiscoveryNamespace.FromAttributes(stack, "First", attributes);
        var second = HttpDiscoveryNamespace.FromAttributes(stack, "Second", attributes);
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(first, "api"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(second, "api"));
        Assert.Contains("DiscoveryService 'TestStack/A' and 'TestStack/B': Name 'api' is used more than once in namespace 'internal.example.com'. Give each service its own name. [ecs-discovery:service-name-unique]", Findings.SynthError(stack).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoDifferentImportedNamespaces_SameServiceName_Synthesize()
    {
        var stack = TestApp.CreateStack();
        var first = HttpDiscoveryNamespace.FromAttributes(stack, "First", new DiscoveryNamespaceAttributes { NamespaceId = "ns-aaaaaaaaaaaaaaaa", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-aaaaaaaaaaaaaaaa", NamespaceName = "one" });
        var second = HttpDiscoveryNamespace.FromAttributes(stack, "Second", new DiscoveryNamespaceAttributes { NamespaceId = "ns-bbbbbbbbbbbbbbbb", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-bbbbbbbbbbbbbbbb", NamespaceName = "two" });
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(first, "api"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(second, "api"));
        Assert.Single(((App)stack.Node.Root).Synth().Stacks);
    }

    [Fact]
    public void AnImportedNamespace_IsAnObjectTheCdkTakes_WhereItTakesAResource()
    {
        var stack = TestApp.CreateStack();
        var imported = PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Imported", new DiscoveryNamespaceAttributes { NamespaceId = Id, NamespaceArn = Arn, NamespaceName = "internal.example.com" });
        // The CDK's JavaScript reads the node and stack of what it is given: a plain .NET object cannot cross into it.
        Assert.Equal(stack.StackName, Stack.Of(imported).StackName);
        Tags.Of(imported).Add("team", "payments");
        Assert.Equal($"{stack.Node.Path}/Imported", imported.Node.Path);
    }
}
