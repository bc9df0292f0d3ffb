using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class SoaTtlRangeTests
{
    [Fact]
    public void SoaTtl_MaximumSeconds_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Seconds(0) });
        Assert.Equal(0, ns.SoaTtl!.ToSeconds());
    }

    [Fact]
    public void SoaTtl_FractionalSeconds_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Millis(2500) }));
        Assert.Equal(
            "PublicDnsDiscoveryNamespace 'TestStack/Public': SoaTtl 2500 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set SoaTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:soa-ttl-range]",
            error.Message);
    }

    [Fact]
    public void SetSoaTtl_AboveMaximum_Fails()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => ns.SetSoaTtl(Duration.Seconds(2147483648d)));
        Assert.Contains("SoaTtl 2147483648 s is out of range", error.Message, StringComparison.Ordinal);
        Assert.Null(ns.SoaTtl);
    }

    [Fact]
    public void SoaTtl_FractionalSeconds_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => new PublicDnsDiscoveryNamespace(stack, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Seconds(1.0005) }));
        Assert.Equal(
            ["PublicDnsDiscoveryNamespace 'TestStack/Public': SoaTtl 1000.5 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set SoaTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:soa-ttl-range]"],
            error.Errors);
    }
}
