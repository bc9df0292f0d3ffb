using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class SoaTtlLongTests
{
    [Fact]
    public void SoaTtl_SixtySeconds_NoWarning()
    {
        var stack = TestApp.CreateStack();
        _ = new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Seconds(60) });
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void SoaTtl_OneHour_WarnsWithMessage()
    {
        var stack = TestApp.CreateStack();
        _ = new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Hours(1) });
        Assert.Equal(
            ["PublicDnsDiscoveryNamespace 'TestStack/Public': SoaTtl 3600 s is longer than 60 s: resolvers cache 'no such name' answers that long, so a service asked for before its first instance registers stays unresolvable until the cache expires. Use 60 s or less (e.g. Duration.Seconds(15)), or acknowledge this warning. [ecs-discovery:soa-ttl-long]"],
            Findings.Warnings(stack));
    }
}
