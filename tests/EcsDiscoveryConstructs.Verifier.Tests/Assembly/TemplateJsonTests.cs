using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Verifier.Tests.Assembly;

/// <summary>The small CloudFormation readers shared with the construct library, and the stand-ins the local peer registers for computed attributes.</summary>
public sealed class TemplateJsonTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("5.0", 5)]
    [InlineData("1.9", 1)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("2147483648", int.MaxValue)]
    [InlineData("1e12", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("-2147483649", int.MinValue)]
    [InlineData("-1e12", int.MinValue)]
    [InlineData("\"5\"", 5)]
    [InlineData("\"five\"", null)]
    [InlineData("{\"Ref\":\"Count\"}", null)]
    [InlineData("true", null)]
    public void Int_ReadsLiteralNumbers_ClampedToTheIntRange(string json, int? expected)
        => Assert.Equal(expected, TemplateJson.Int(JsonNode.Parse(json)));

    [Fact]
    public void Targets_AreListedInTheOrderTheyAppear()
        => Assert.Equal(
            ["B", "A", "C"],
            TemplateJson.Targets(JsonNode.Parse("""{"Fn::Join":["",[{"Ref":"B"},"-",{"Fn::GetAtt":["A","Arn"]},{"Fn::Sub":["${x}",{"x":{"Ref":"C"}}]}]]}""")).Distinct());

    [Fact]
    public void ComputedAttributesOfADeclaredInstance_GetStableLocalStandIns()
    {
        var computed = new TemplateValue(null, "{\"Fn::GetAtt\":[\"Lb\",\"DNSName\"]}");
        var keys = new[] { "AWS_ALIAS_DNS_NAME", "AWS_INSTANCE_CNAME", "AWS_INSTANCE_IPV4", "AWS_INSTANCE_IPV6", "AWS_INSTANCE_PORT", "Team" };
        var instance = new DeclaredInstance("LbInstance", "Svc", computed, keys.ToDictionary(k => k, _ => computed));
        var (id, attributes) = DeclaredInstanceAttributes.ForPeer(instance with { Attributes = new Dictionary<string, TemplateValue>(instance.Attributes) { ["zone"] = new("eu-west-1a", null) } });
        Assert.Equal("lbinstance", id);
        Assert.Equal(
            "AWS_ALIAS_DNS_NAME=lbinstance.elb.local.example AWS_INSTANCE_CNAME=lbinstance.local.example AWS_INSTANCE_IPV4=192.0.2.10 AWS_INSTANCE_IPV6=2001:db8::10 AWS_INSTANCE_PORT=8080 Team=lbinstance-team zone=eu-west-1a",
            string.Join(" ", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
        Assert.Equal("legacy", DeclaredInstanceAttributes.ForPeer(instance with { InstanceId = new("legacy", null) }).Id);
    }
}
