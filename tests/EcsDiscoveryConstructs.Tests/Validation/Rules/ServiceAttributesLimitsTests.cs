using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceAttributesLimitsTests
{
    private static DiscoveryService Service(Workloads w, IReadOnlyDictionary<string, string> attributes) => new(w.Stack, "Orders", new DiscoveryServiceProps
    {
        Namespace = w.Namespace,
        Name = "orders",
        ServiceAttributes = attributes,
    });

    [Fact]
    public void AtTheLimits_AreEmitted()
    {
        var w = new Workloads();
        var attributes = Enumerable.Range(0, 30).ToDictionary(i => i == 0 ? new string('k', 255) : $"key{i}", i => i == 0 ? new string('v', 1024) : "x");
        _ = Service(w, attributes);
        var emitted = Templates.OnlyProperties(w.Stack, "AWS::ServiceDiscovery::Service")["ServiceAttributes"]!.AsObject();
        Assert.Equal(30, emitted.Count);
        Assert.Equal(new string('v', 1024), Templates.Str(emitted[new string('k', 255)]));
    }

    [Fact]
    public void FromCloudMapRegistration_AreEmittedOnTheCreatedService()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, ServiceAttributes = new Dictionary<string, string> { ["team"] = "payments" } });
        var emitted = Templates.OnlyProperties(w.Stack, "AWS::ServiceDiscovery::Service")["ServiceAttributes"]!.AsObject();
        Assert.Equal("payments", Templates.Str(emitted["team"]));
    }

    [Fact]
    public void OnePastEachLimit_FailsWithEveryMessage()
    {
        var w = new Workloads();
        var attributes = Enumerable.Range(0, 31).ToDictionary(i => i == 0 ? new string('k', 256) : i == 1 ? string.Empty : $"key{i}", i => i == 2 ? new string('v', 1025) : "x");
        var error = Findings.Error(() => Service(w, attributes));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Orders': ServiceAttributes (31 entries) has too many entries: Cloud Map keeps at most 30 per service. Remove entries, or move detail into fewer attributes. [ecs-discovery:service-attributes]",
                "DiscoveryService 'TestStack/Orders': ServiceAttributes key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...' (256 characters) is invalid: use 1-255 characters. Shorten the key. [ecs-discovery:service-attributes]",
                "DiscoveryService 'TestStack/Orders': ServiceAttributes key '' (0 characters) is invalid: use 1-255 characters. Shorten the key. [ecs-discovery:service-attributes]",
                "DiscoveryService 'TestStack/Orders': ServiceAttributes['key2'] (1025 characters) is too long: use at most 1024 characters. Shorten the value. [ecs-discovery:service-attributes]",
            ],
            error.Errors);
    }

    [Fact]
    public void NullValueInRegistration_FailsNamedAsTheParentWroteIt()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, ServiceAttributes = new Dictionary<string, string> { ["team"] = null! } }));
        Assert.Equal("DiscoverableFargateService 'TestStack/Orders': CloudMap.ServiceAttributes['team'] is null. Give a value (it may be empty). [ecs-discovery:service-attributes]", error.Message);
    }
}
