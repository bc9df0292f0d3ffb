using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class RecordTypesTests
{
    [Theory]
    [InlineData(DiscoveryRecordTypes.A)]
    [InlineData(DiscoveryRecordTypes.Aaaa)]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa)]
    [InlineData(DiscoveryRecordTypes.Srv)]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv)]
    public void DnsRecords_AcceptedCombination_Passes(DiscoveryRecordTypes records)
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = records, CustomHealthCheck = new() });
        Assert.Equal(records, service.DnsRecords);
    }

    [Fact]
    public void DnsRecords_AaaaPlusSrv_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': DnsRecords AAAA+SRV is not a combination Cloud Map accepts: use A, AAAA, A+AAAA, SRV, CNAME or A+SRV. Use A|Srv, or Srv alone (its target resolves to IPv4 and IPv6 addresses). [ecs-discovery:record-types]",
            error.Message);
    }

    [Theory]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Cname, "A+CNAME")]
    [InlineData(DiscoveryRecordTypes.None, "None")]
    public void DnsRecords_OtherCombination_Fails(DiscoveryRecordTypes records, string shown)
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = records, RoutingPolicy = RoutingPolicy.WEIGHTED }));
        Assert.Contains($"DnsRecords {shown} is not a combination Cloud Map accepts", error.Message, StringComparison.Ordinal);
    }
}
