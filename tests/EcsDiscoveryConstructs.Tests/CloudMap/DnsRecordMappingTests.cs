using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

/// <summary>Record-type combinations as the CDK L2 is built with them, and which of them need the records overridden.</summary>
public class DnsRecordMappingTests
{
    [Theory]
    [InlineData(DiscoveryRecordTypes.A, "A", false)]
    [InlineData(DiscoveryRecordTypes.Aaaa, "AAAA", false)]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa, "A_AAAA", false)]
    [InlineData(DiscoveryRecordTypes.Cname, "CNAME", false)]
    [InlineData(DiscoveryRecordTypes.Srv, "SRV", false)]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, "SRV", true)]
    [InlineData(DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, "SRV", true)]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, "SRV", true)]
    public void EachValidCombination_HasItsCdkTypeAndOverride(DiscoveryRecordTypes types, string cdk, bool overridden)
    {
        Assert.Equal(Enum.Parse<DnsRecordType>(cdk), DnsRecordMapping.ToCdk(types));
        Assert.Equal(overridden, DnsRecordMapping.NeedsOverride(types));
    }

    [Theory]
    [InlineData(DiscoveryRecordTypes.None)]
    [InlineData(DiscoveryRecordTypes.Srv | DiscoveryRecordTypes.Cname)]
    [InlineData(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Cname)]
    public void AnInvalidCombination_IsNeverMapped(DiscoveryRecordTypes types)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DnsRecordMapping.ToCdk(types));
        Assert.StartsWith("Record types are validated before they are mapped.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANamespaceWhoseNameIsADeployTimeValue_IsNamedByItsPathInMessages()
    {
        var stack = TestApp.CreateStack();
        var ns = new HttpDiscoveryNamespace(stack, "Api", new HttpDiscoveryNamespaceProps { Name = new CfnParameter(stack, "NamespaceName").ValueAsString });
        _ = new DiscoveryService(stack, "A", Fixtures.GoodService(ns, "api"));
        _ = new DiscoveryService(stack, "B", Fixtures.GoodService(ns, "api"));
        var error = Findings.SynthError(stack);
        Assert.Contains("Name 'api' is used more than once in namespace 'TestStack/Api'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TagsOfHttpAndPublicNamespaces_ReachTheTemplate()
    {
        var stack = TestApp.CreateStack();
        _ = new HttpDiscoveryNamespace(stack, "Api", new HttpDiscoveryNamespaceProps { Name = "internal-api", Tags = new Dictionary<string, string> { ["team"] = "shop" } });
        _ = new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", Tags = new Dictionary<string, string> { ["team"] = "edge" } });
        var template = Amazon.CDK.Assertions.Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::HttpNamespace", new Dictionary<string, object> { ["Tags"] = new object[] { new Dictionary<string, object> { ["Key"] = "team", ["Value"] = "shop" } } });
        template.HasResourceProperties("AWS::ServiceDiscovery::PublicDnsNamespace", new Dictionary<string, object> { ["Tags"] = new object[] { new Dictionary<string, object> { ["Key"] = "team", ["Value"] = "edge" } } });
    }
}
