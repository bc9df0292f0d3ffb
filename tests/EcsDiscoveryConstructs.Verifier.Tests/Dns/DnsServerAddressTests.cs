using EcsDiscoveryConstructs.Verifier.Dns;

namespace EcsDiscoveryConstructs.Verifier.Tests.Dns;

/// <summary>--dns-resolver, the canary's ECS_DISCOVERY_DNS_RESOLVER and the DiscoveryCanary's DnsResolver share one parser.</summary>
public sealed class DnsServerAddressTests
{
    [Theory]
    [InlineData("10.0.0.2", "10.0.0.2:53")]
    [InlineData("10.0.0.2:5353", "10.0.0.2:5353")]
    [InlineData("fd00::2", "[fd00::2]:53")]
    [InlineData("[fd00::2]:5353", "[fd00::2]:5353")]
    [InlineData("::1", "[::1]:53")]
    [InlineData("[fd00::2]", "[fd00::2]:53")]
    [InlineData("10.0.0.2:65535", "10.0.0.2:65535")]
    [InlineData("10.0.0.2:1", "10.0.0.2:1")]
    [InlineData("::ffff:10.0.0.2", "10.0.0.2:53")]
    [InlineData("[::ffff:10.0.0.2]:53", "10.0.0.2:53")]
    [InlineData("[::ffff:10.0.0.2]:5353", "10.0.0.2:5353")]
    [InlineData("[FD00::2]:53", "[fd00::2]:53")]
    public void AcceptedForms_GiveTheEndpoint(string text, string endpoint)
        => Assert.Equal(endpoint, DnsClientResolver.ParseServer(text)?.ToString());

    [Theory]
    [InlineData("10.0.0")]
    [InlineData("10.0.0:53")]
    [InlineData("167772162")]
    [InlineData("0x0a000002")]
    [InlineData("10.0.0.2:0")]
    [InlineData("10.0.0.2:65536")]
    [InlineData("10.0.0.2:53:53")]
    [InlineData("fd00::2:53:")]
    [InlineData("dns.example.com")]
    [InlineData("")]
    [InlineData(" 10.0.0.2")]
    [InlineData("[10.0.0.2]")]
    [InlineData("[10.0.0.2]:53")]
    [InlineData("[fd00::2")]
    [InlineData("fd00::2]")]
    [InlineData("fd00::2]:53")]
    [InlineData("::ffff:10.0.0.2:53")]
    [InlineData("010.0.0.2")]
    [InlineData("0x0a.0.0.2")]
    [InlineData("10.0.0.2:053")]
    [InlineData("10.0.0.2:+53")]
    [InlineData("10.0.0.2: 53")]
    [InlineData("10.0.0.2:")]
    [InlineData("10.0.0.2:99999")]
    [InlineData("10.0.0.2:٥٣")]
    [InlineData("10.0.0.2\n")]
    [InlineData("[fe80::1%1]:53")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[fd00::2]53")]
    [InlineData("[fd00::2]:")]
    [InlineData("[]:53")]
    [InlineData("[fd00::2]:53]")]
    public void OtherTexts_AreRefused(string text)
        => Assert.Null(DnsClientResolver.ParseServer(text));
}
