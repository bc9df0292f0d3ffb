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

    [Theory]
    [InlineData(DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, new[] { "AAAA", "SRV" })]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, new[] { "A", "AAAA", "SRV" })]
    public void DnsRecords_SrvWithIpv6_IsEmittedAsOneRecordPerType(DiscoveryRecordTypes records, string[] types)
    {
        // aws-cdk's integ test service-with-srv-record-combinations deploys both and reads them back with GetService.
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = records, DnsTtl = Amazon.CDK.Duration.Seconds(15), CustomHealthCheck = new() });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["DnsConfig"] = new Dictionary<string, object>
            {
                ["DnsRecords"] = types.Select(t => new Dictionary<string, object> { ["Type"] = t, ["TTL"] = 15 }).ToArray(),
                ["RoutingPolicy"] = "MULTIVALUE",
            },
        });
    }

    [Fact]
    public void DnsRecords_CnamePlusSrv_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = DiscoveryRecordTypes.Cname | DiscoveryRecordTypes.Srv, RoutingPolicy = RoutingPolicy.WEIGHTED }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': DnsRecords SRV+CNAME is not a combination Cloud Map accepts: use A, AAAA, A+AAAA, SRV, CNAME, A+SRV, AAAA+SRV or A+AAAA+SRV. Use CNAME alone: a name that holds a CNAME record holds no other record. [ecs-discovery:record-types]",
            error.Message);
    }

    [Fact]
    public void DnsRecords_UndefinedFlag_IsNamedInTheMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsRecords = (DiscoveryRecordTypes)17, CustomHealthCheck = new() }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': DnsRecords A+16 (not a DiscoveryRecordTypes flag) is not a combination Cloud Map accepts: use A, AAAA, A+AAAA, SRV, CNAME, A+SRV, AAAA+SRV or A+AAAA+SRV. Pick one of the accepted combinations. [ecs-discovery:record-types]",
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
