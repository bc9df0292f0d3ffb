using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class InstanceAttributesTests
{
    [Fact]
    public void ThirtyAttributes_AreRegistered()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.AddInstance("Endpoint", new DiscoveryInstanceOptions { Attributes = Enumerable.Range(0, 30).ToDictionary(i => $"k{i}", i => "v") });
        Assert.Single(Template.FromStack(stack).FindResources("AWS::ServiceDiscovery::Instance"));
    }

    [Fact]
    public void ReservedKeyTooManyAttributesAndBadId_FailWithMessages()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = Enumerable.Range(0, 30).ToDictionary(i => $"k{i}", i => "v");
        attributes["AWS_INSTANCE_IPV4"] = "10.0.0.5";
        var error = Findings.Error(() => api.AddInstance("Endpoint", new DiscoveryInstanceOptions { InstanceId = "web 1", Attributes = attributes }));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Api': InstanceId 'web 1' is invalid: use 1-64 letters, digits and _/:.@-. Use e.g. 'web-1'. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': Attributes (31) are too many: use at most 30. Remove attributes. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': Attributes key 'AWS_INSTANCE_IPV4' is reserved for AWS. Set addresses through Ipv4, Ipv6, Port or Cname, and name your own attributes without 'AWS_'. [ecs-discovery:instance-attributes]",
            ],
            error.Errors);
    }

    [Fact]
    public void KeysAndValuesAtTheirLimits_AreRegistered()
    {
        // 255-character key, 1,024-character value, 5,000 characters in all.
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = new Dictionary<string, string> { [new string('k', 255)] = "v", ["long"] = new string('v', 1024) };
        attributes["fill1"] = new string('f', 1000);
        attributes["fill2"] = new string('f', 1000);
        attributes["fill3"] = new string('f', 1000);
        attributes["fill4"] = new string('f', 696);
        Assert.Equal(5000, attributes.Sum(a => a.Key.Length + a.Value.Length));
        _ = api.AddInstance("Endpoint", new DiscoveryInstanceOptions { Attributes = attributes });
        Assert.Single(Template.FromStack(stack).FindResources("AWS::ServiceDiscovery::Instance"));
    }

    [Fact]
    public void InvalidKeysAndTooLongValue_FailWithMessages()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = new Dictionary<string, string> { [""] = "v", ["two words"] = "v", [new string('k', 256)] = "v", ["zoné"] = "v", ["long"] = new string('v', 1025) };
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Api': Attributes key '' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': Attributes key 'two words' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                $"DiscoveryService 'TestStack/Api': Attributes key '{new string('k', 256)}' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': Attributes key 'zoné' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': Attributes['long'] is missing or longer than 1024 characters. Shorten the value. [ecs-discovery:instance-attributes]",
            ],
            Findings.Error(() => api.AddInstance("Endpoint", new DiscoveryInstanceOptions { Attributes = attributes })).Errors);
    }

    [Fact]
    public void AttributesOneCharacterOverTheTotal_FailWithTheCount()
    {
        // Five attributes of 1,000 characters: no single one is too long, and the largest alone is far under the total.
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = Enumerable.Range(0, 5).ToDictionary(i => $"k{i}", i => new string('v', i == 0 ? 999 : 998));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': Attributes (5001 characters) are too long together: use at most 5000 characters. Shorten or remove attributes. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.AddInstance("Endpoint", new DiscoveryInstanceOptions { Attributes = attributes })).Errors);
    }
}
