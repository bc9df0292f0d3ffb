using CsCheck;
using EcsDiscoveryConstructs.Shared;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Verifier.Tests.Formats;

/// <summary>Attribute keys and values (RegisterInstance's AttrKey and AttrValue patterns) and domain names (Route 53).</summary>
public sealed class ValueTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("https://orders.example.com/v1?x=1")]
    [InlineData("two words")]
    [InlineData("tab\tinside")]
    [InlineData("trailing space ")]
    [InlineData("~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")]
    public void AttributeValue_InThePattern_IsAccepted(string value)
        => Assert.True(AttributeText.IsValue(value));

    [Theory]
    [InlineData(" leading space")]
    [InlineData("\tleading tab")]
    [InlineData("line\nbreak")]
    [InlineData("carriage\rreturn")]
    [InlineData("nul\0")]
    [InlineData("café")]
    [InlineData("emoji 🙂")]
    [InlineData("del\u007f")]
    [InlineData(null)]
    public void AttributeValue_OutsideThePattern_IsRefused(string? value)
        => Assert.False(AttributeText.IsValue(value));

    [Fact]
    public void AttributeValue_1024Characters_IsAccepted_1025AreNot()
    {
        Assert.True(AttributeText.IsValue(new string('v', 1024)));
        Assert.False(AttributeText.IsValue(new string('v', 1025)));
    }

    [Theory]
    [InlineData("zone", true)]
    [InlineData("a!~", true)]
    [InlineData("", false)]
    [InlineData("two words", false)]
    [InlineData("tab\t", false)]
    [InlineData("ключ", false)]
    [InlineData(null, false)]
    public void AttributeKey_IsPrintableAscii(string? key, bool accepted)
        => Assert.Equal(accepted, AttributeText.IsKey(key));

    [Fact]
    public void AttributeKey_255Characters_IsAccepted_256AreNot()
    {
        Assert.True(AttributeText.IsKey(new string('k', 255)));
        Assert.False(AttributeText.IsKey(new string('k', 256)));
    }

    [Fact]
    public void AttributeValue_GeneratedText_IsAcceptedExactlyWhenItHasNoLeadingBlankAndOnlyPrintableAsciiSpacesAndTabs()
        => Gen.Char[" \t\n\r\u00e9~a!"].Array[0, 6].Select(c => new string(c)).RunSeeded(value => Assert.Equal(
                (value.Length == 0 || value[0] is not (' ' or '\t')) && value.All(c => c is ' ' or '\t' or (>= '!' and <= '~')),
                AttributeText.IsValue(value)),
            seed: "0N3HDDkNm7Q1",
            iter: 2000,
            threads: 1);

    [Theory]
    [InlineData("old.example.com")]
    [InlineData("old.example.com.")]
    [InlineData("localhost")]
    [InlineData("_sip._tcp.example.com")]
    [InlineData("*.example.com")]
    public void DnsName_Route53Accepts_HasNoProblem(string name)
        => Assert.Null(DnsNameText.Problem(name));

    [Theory]
    [InlineData("", "has 0 characters without the final dot: use 1-253")]
    [InlineData(".", "has 0 characters without the final dot: use 1-253")]
    [InlineData("old example.com", "contains spaces, control characters or characters outside ASCII")]
    [InlineData("bücher.example", "contains spaces, control characters or characters outside ASCII")]
    [InlineData("old..example.com", "has an empty label or one longer than 63 characters")]
    [InlineData(".example.com", "has an empty label or one longer than 63 characters")]
    [InlineData("example.com..", "has an empty label or one longer than 63 characters")]
    public void DnsName_OutsideRoute53sFormat_NamesTheProblem(string name, string problem)
        => Assert.Equal(problem, DnsNameText.Problem(name));

    [Fact]
    public void DnsName_AtTheLengthLimits_IsAccepted_OnePastIsNot()
    {
        var label63 = new string('a', 63);
        var name253 = $"{label63}.{label63}.{label63}.{new string('b', 61)}";
        Assert.Equal(253, name253.Length);
        Assert.Null(DnsNameText.Problem(name253));
        Assert.Null(DnsNameText.Problem(name253 + "."));
        Assert.Equal("has 254 characters without the final dot: use 1-253", DnsNameText.Problem(name253 + "b"));
        Assert.Equal("has 300 characters without the final dot: use 1-253", DnsNameText.Problem(new string('a', 300)));
        Assert.Equal("has an empty label or one longer than 63 characters", DnsNameText.Problem($"{label63}a.example.com"));
    }
}
