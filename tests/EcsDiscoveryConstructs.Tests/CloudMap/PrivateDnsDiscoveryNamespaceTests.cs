using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

public class PrivateDnsDiscoveryNamespaceTests
{
    [Fact]
    public void SoaTtl_Set_EmitsDnsPropertiesSoaTtl()
    {
        var stack = TestApp.CreateStack();
        _ = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps
        {
            Name = "internal.example.com",
            Vpc = TestApp.ImportedVpc(stack),
            SoaTtl = Duration.Seconds(15),
        });

        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", new Dictionary<string, object>
        {
            ["Name"] = "internal.example.com",
            ["Vpc"] = "vpc-0123456789abcdef0",
            ["Properties"] = new Dictionary<string, object> { ["DnsProperties"] = new Dictionary<string, object> { ["SOA"] = new Dictionary<string, object> { ["TTL"] = 15 } } },
        });
    }

    [Fact]
    public void SoaTtl_NotSet_EmitsNoProperties()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::PrivateDnsNamespace", new Dictionary<string, object> { ["Properties"] = Match.Absent() });
        Assert.Null(ns.SoaTtl);
    }

    [Fact]
    public void Attributes_AreTypedAndResolveToTheResource()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        Assert.Equal(NamespaceType.DNS_PRIVATE, ns.NamespaceType);
        Assert.Equal("internal.example.com", ns.NamespaceName);
        var logicalId = stack.GetLogicalId((CfnElement)ns.Resource.Node.DefaultChild!);
        Assert.Equal(
            new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { logicalId, "Id" } },
            stack.Resolve(ns.NamespaceId) as IDictionary<string, object>,
            new JsonEquality());
        Assert.Equal(
            new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { logicalId, "HostedZoneId" } },
            stack.Resolve(ns.HostedZoneId) as IDictionary<string, object>,
            new JsonEquality());
    }

    [Fact]
    public void Golden_WithSoaTtlAndTags()
    {
        var stack = TestApp.CreateStack();
        _ = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps
        {
            Name = "internal.example.com",
            Vpc = TestApp.ImportedVpc(stack),
            Description = "Service discovery for the shop",
            SoaTtl = Duration.Seconds(15),
            Tags = new Dictionary<string, string> { ["team"] = "platform" },
        });
        Snapshot.Match(stack);
    }
}
