using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceDnsNameLengthTests
{
    private static readonly string LongNamespace = string.Join('.', Enumerable.Repeat(new string('n', 62), 3)) + ".example"; // 196 characters

    [Fact]
    public void DnsName_ApiOnlyInLongNamespace_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack, LongNamespace);
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = new string('o', 60), Discovery = DiscoveryType.API });
        Assert.Null(service.DnsName);
    }

    [Fact]
    public void DnsName_Over253Characters_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack, LongNamespace);
        var name = new string('o', 60);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", Fixtures.GoodService(ns, name)));
        Assert.Equal(
            $"DiscoveryService 'TestStack/Orders': Name '{name}' makes the DNS name '{name}.{LongNamespace}' 257 characters long: DNS names have at most 253. Shorten the service name or the namespace name. [ecs-discovery:service-dns-name-length]",
            error.Message);
    }

    [Fact]
    public void DnsName_Of253Characters_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack, LongNamespace);
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(ns, new string('o', 56)));
        Assert.Equal(253, service.DnsName!.Length);
    }
}
