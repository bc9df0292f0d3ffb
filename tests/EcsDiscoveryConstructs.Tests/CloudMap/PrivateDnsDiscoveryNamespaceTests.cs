using Amazon.CDK;
using Amazon.CDK.Assertions;
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
}
