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
}
