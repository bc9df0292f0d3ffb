using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Tests.Input;

public class UntrustedJsonTests
{
    [Fact]
    public void Parse_DuplicateKeys_AreRefused()
    {
        var error = Assert.Throws<InputException>(() => UntrustedJson.Parse("{\"a\":1,\"a\":2}", "manifest.json"));
        Assert.StartsWith("manifest.json is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefused()
        => Assert.Throws<InputException>(() => UntrustedJson.Parse(new string('[', 200) + new string(']', 200), "t.json"));

    [Theory]
    [InlineData("{\"x\":[]}", "t.json: x is a list, expected an object")]
    [InlineData("{\"x\":true}", "t.json: x is a boolean, expected an object")]
    [InlineData("{\"x\":1}", "t.json: x is a number, expected an object")]
    public void Object_WrongShape_NamesSourcePathAndShapes(string json, string expected)
    {
        var root = UntrustedJson.Parse(json, "t.json")!;
        Assert.Equal(expected, Assert.Throws<InputException>(() => UntrustedJson.Object(root["x"], "t.json", "x")).Message);
    }

    [Fact]
    public void Array_Missing_IsEmpty_AndString_Missing_IsNull()
    {
        var root = UntrustedJson.Parse("{}", "t.json")!;
        Assert.Empty(UntrustedJson.Array(root["x"], "t.json", "x"));
        Assert.Null(UntrustedJson.String(root["x"], "t.json", "x"));
    }
}
