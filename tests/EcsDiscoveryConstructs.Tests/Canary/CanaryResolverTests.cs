using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Tests.Canary;

/// <summary>The canary's DNS server setting as the security group's peer and port.</summary>
public class CanaryResolverTests
{
    [Theory]
    [InlineData("10.0.0.2", "10.0.0.2/32", 53)]
    [InlineData("10.0.0.2:5353", "10.0.0.2/32", 5353)]
    [InlineData("fd00::2", "fd00::2/128", 53)]
    [InlineData("[fd00::2]:5353", "fd00::2/128", 5353)]
    public void AServer_IsOneAddressAndItsPort(string text, string peer, int port)
    {
        Assert.Equal(peer, CanaryResolver.Peer(text).UniqueId);
        Assert.Equal(port, CanaryResolver.PortOf(text));
    }

    [Fact]
    public void SomethingElse_IsRefusedWithTheText()
    {
        var error = Assert.Throws<ArgumentException>(() => CanaryResolver.Peer("dns.example.com"));
        Assert.Equal("'dns.example.com' is not ip[:port] (Parameter 'text')", error.Message);
    }
}
