using System.Net;
using System.Net.Sockets;
using CsCheck;
using EcsDiscoveryConstructs.Shared;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Verifier.Tests.Formats;

/// <summary>
/// The strict IPv4 and IPv6 readers every address the library sends to or reads from AWS goes through: exactly the text
/// forms Route 53 and Cloud Map document, never what .NET's lenient <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// also takes. Generators (fixed seed; <c>ECS_DISCOVERY_FORMAT_CASES</c> searches longer) check both against .NET's reader.
/// </summary>
public sealed class AddressTextTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("ECS_DISCOVERY_FORMAT_CASES"), out var n) && n > 0 ? n : 2000;

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.5")]
    [InlineData("192.0.2.44")]
    [InlineData("255.255.255.255")]
    [InlineData("100.64.9.199")]
    public void Ipv4_DottedDecimal_IsRead(string text)
        => Assert.Equal(text, Ipv4Text.Parse(text)?.ToString());

    [Theory]
    [InlineData("0x0a.0.0.5")]
    [InlineData("010.0.0.2")]
    [InlineData("10.0.0.05")]
    [InlineData("10.0.0")]
    [InlineData("167772162")]
    [InlineData("10.0.0.256")]
    [InlineData("10.0.0.5.")]
    [InlineData(".10.0.0.5")]
    [InlineData("10..0.5")]
    [InlineData(" 10.0.0.5")]
    [InlineData("10.0.0.5 ")]
    [InlineData("10.0.0.5\n")]
    [InlineData("10.0.0.-1")]
    [InlineData("10.0.0.+5")]
    [InlineData("１０.0.0.5")]
    [InlineData("10.0.0.٥")]
    [InlineData("10.0.0.5/32")]
    [InlineData("10.0.0.5:80")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("")]
    [InlineData(null)]
    public void Ipv4_OtherForms_AreRefused(string? text)
        => Assert.Null(Ipv4Text.Parse(text));

    [Theory]
    [InlineData("2001:db8::5", "2001:db8::5")]
    [InlineData("2001:0db8:85a3:0000:0000:abcd:0001:2345", "2001:db8:85a3::abcd:1:2345")]
    [InlineData("2001:DB8::5", "2001:db8::5")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("fe80::1", "fe80::1")]
    [InlineData("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8")]
    [InlineData("1::8", "1::8")]
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8")]
    [InlineData("::ffff:10.0.0.2", "::ffff:10.0.0.2")]
    [InlineData("64:ff9b::192.0.2.33", "64:ff9b::c000:221")]
    [InlineData("1:2:3:4:5:6:10.0.0.2", "1:2:3:4:5:6:a00:2")]
    [InlineData("::10.0.0.2", "::10.0.0.2")]
    public void Ipv6_Rfc4291Forms_AreRead(string text, string canonical)
        => Assert.Equal(canonical, Ipv6Text.Parse(text)?.ToString());

    [Theory]
    [InlineData("[2001:db8::5]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%1")]
    [InlineData("2001:db8::5/128")]
    [InlineData("2001:db8:::5")]
    [InlineData("2001::db8::5")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("12345::1")]
    [InlineData("g::1")]
    [InlineData(":1::2")]
    [InlineData("1::2:")]
    [InlineData(":::")]
    [InlineData(":")]
    [InlineData("::ffff:010.0.0.2")]
    [InlineData("::ffff:10.0.0")]
    [InlineData("1:2:3:4:5:6:7:10.0.0.2")]
    [InlineData("::10.0.0.2:1")]
    [InlineData("10.0.0.2")]
    [InlineData(" ::1")]
    [InlineData("::1\n")]
    [InlineData("２００１:db8::5")]
    [InlineData("")]
    [InlineData(null)]
    public void Ipv6_OtherForms_AreRefused(string? text)
        => Assert.Null(Ipv6Text.Parse(text));

    [Fact]
    public void Ipv4_EveryAddressInDottedDecimal_ReadsBack_AndNothingElseNetReads()
    {
        Gen.UInt.Select(u => new IPAddress(BitConverter.GetBytes(u))).RunSeeded(address => Assert.Equal(address, Ipv4Text.Parse(address.ToString())),
            seed: "0N3HDDkNm7Q1",
            iter: Cases,
            threads: 1);
        AddressLike.RunSeeded(text => Assert.True(Ipv4Text.Parse(text) is null || (IPAddress.TryParse(text, out var net) && net.AddressFamily == AddressFamily.InterNetwork && net.ToString() == text), text),
            seed: "0N3HDDkNm7Q1",
            iter: Cases,
            threads: 1);
    }

    [Fact]
    public void Ipv6_EveryAddressInDotNetsAndFullForm_ReadsBack_AndWhatIsReadIsWhatNetReads()
    {
        Gen.Byte.Array[16].Select(b => new IPAddress(b)).RunSeeded(address =>
            {
                Assert.Equal(address, Ipv6Text.Parse(address.ToString()));
                var full = string.Join(':', Enumerable.Range(0, 8).Select(i => $"{(address.GetAddressBytes()[2 * i] << 8) | address.GetAddressBytes()[(2 * i) + 1]:x4}"));
                Assert.Equal(address, Ipv6Text.Parse(full));
            },
            seed: "0N3HDDkNm7Q1",
            iter: Cases,
            threads: 1);
        AddressLike.RunSeeded(text =>
            {
                if (Ipv6Text.Parse(text) is { } read)
                {
                    Assert.True(IPAddress.TryParse(text, out var net) && net.Equals(read) && net.ScopeId == 0, text);
                    Assert.DoesNotContain(text, c => c is '%' or '[' or ']' or '/' || char.IsWhiteSpace(c));
                }
            },
            seed: "0N3HDDkNm7Q1",
            iter: Cases,
            threads: 1);
    }

    /// <summary>Short texts drawn from the characters addresses are written with, and the ones that break them.</summary>
    private static readonly Gen<string> AddressLike = Gen.Char["0123456789abcdefABCDEF:.:.x%[]/ \n٥"].Array[0, 20].Select(c => new string(c));
}
