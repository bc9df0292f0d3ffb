using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

public sealed class DiscoveryAddressTests
{
    [Theory]
    [InlineData("orders.shop.local", null, "orders.shop.local", null, null)]
    [InlineData(" orders.shop.local:8080 ", null, "orders.shop.local", 8080, 8080)]
    [InlineData("http://orders.shop.local", "http", "orders.shop.local", null, 80)]
    [InlineData("HTTPS://orders.shop.local/a:1", "HTTPS", "orders.shop.local", null, 443)]
    [InlineData("grpc://orders.shop.local", "grpc", "orders.shop.local", null, null)]
    [InlineData("http://user:p@ss@orders.shop.local:81?q=a:2#f", "http", "orders.shop.local", 81, 81)]
    [InlineData("orders.shop.local:0", null, "orders.shop.local:0", null, null)]
    [InlineData("orders.shop.local:65535", null, "orders.shop.local", 65535, 65535)]
    [InlineData(":80", null, "", 80, 80)]
    [InlineData("orders.shop.local:65536", null, "orders.shop.local:65536", null, null)]
    [InlineData("orders.shop.local:+80", null, "orders.shop.local:+80", null, null)]
    [InlineData("orders.shop.local:", null, "orders.shop.local:", null, null)]
    [InlineData("/only/a/path", null, "", null, null)]
    [InlineData("", null, "", null, null)]
    [InlineData("://", "", "", null, null)]
    public void Parse_SplitsSchemeHostAndPort(string value, string? scheme, string host, int? port, int? effective)
    {
        var address = DiscoveryAddress.Parse(value);
        Assert.Equal((scheme, host, port, effective), (address.Scheme, address.Host, address.Port, address.EffectivePort));
    }

    [Theory]
    [InlineData("orders.shop.local:80", "orders.shop.local", 80, true)]
    [InlineData("ORDERS.shop.local.:80", "orders.shop.local", 80, true)]
    [InlineData("http://orders.shop.local", "orders.shop.local", 80, true)]
    [InlineData("https://orders.shop.local", "orders.shop.local", 80, false)]
    [InlineData("orders.shop.local", "orders.shop.local", 80, false)]
    [InlineData("orders.shop.local:8080", "orders.shop.local", 80, false)]
    [InlineData("orders.shop.localhost:80", "orders.shop.local", 80, false)]
    [InlineData("xorders.shop.local:80", "orders.shop.local", 80, false)]
    public void Reaches_NeedsTheSameHostAndThePortWrittenOrTheSchemesDefault(string value, string host, int port, bool reaches)
        => Assert.Equal(reaches, DiscoveryAddress.Parse(value).Reaches(host, port));
}
