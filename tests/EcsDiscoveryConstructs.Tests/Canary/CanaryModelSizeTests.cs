using System.Text;
using System.Text.Json.Nodes;
using Amazon.CDK;
using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Tests.Canary;

/// <summary>
/// The canary model's JSON and the size the canary-model rule holds against Lambda's 4 KB: unset fields left out, and
/// each value CloudFormation resolves at deploy counted at the longest it can be.
/// </summary>
public class CanaryModelSizeTests
{
    private static CanaryModel Model(string stack, string namespaceId, string name, string serviceId, string ecsName, int? soaTtl = null, string? routing = "MULTIVALUE")
        => new(
            stack,
            [new ModelNamespace(null!, "Namespace", namespaceId, "internal.example.com", "DNS_PRIVATE", soaTtl)],
            [new ModelService("cloudmap", serviceId, name, "internal.example.com", [new ModelRecord("A", 60), new ModelRecord("SRV", 10)], routing, null, 2, 4, [ecsName], false)]);

    private static int Utf8(JsonObject json) => Encoding.UTF8.GetByteCount(json.ToJsonString());

    [Fact]
    public void TheJson_LeavesUnsetFieldsOut_AndKeepsTheVerifiersFieldNames()
    {
        var json = Model("Shop", "ns-1", "orders", "srv-1", "orders-svc", routing: null).ToJson((text, _) => JsonValue.Create(text)).ToJsonString();
        Assert.Equal(
            "{\"version\":1,"
            + "\"namespaces\":[{\"stack\":\"Shop\",\"logicalId\":\"Namespace\",\"id\":\"ns-1\",\"name\":\"internal.example.com\",\"kind\":\"DNS_PRIVATE\"}],"
            + "\"services\":[{\"stack\":\"Shop\",\"source\":\"cloudmap\",\"id\":\"srv-1\",\"name\":\"orders\",\"namespace\":\"internal.example.com\","
            + "\"dnsRecords\":[{\"type\":\"A\",\"ttl\":60},{\"type\":\"SRV\",\"ttl\":10}],\"minInstances\":2,\"maxInstances\":4,"
            + "\"ecsServiceNames\":[\"orders-svc\"],\"serviceConnect\":false}]}",
            json);
    }

    [Fact]
    public void AConcreteModel_IsItsOwnSize_InUtf8Bytes()
    {
        var model = Model("Shöp", "ns-1", "bestellungen-größe", "srv-1", "orders-svc", soaTtl: 15);
        Assert.Equal(Utf8(model.ToJson((text, _) => JsonValue.Create(text))), model.EstimatedBytes());
        // Non-ASCII is counted escaped (\u00f6: 6 bytes), more than the 2 UTF-8 bytes it takes unescaped: an upper bound either way.
        var unescaped = model.ToJson((text, _) => JsonValue.Create(text)).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.True(model.EstimatedBytes() > Encoding.UTF8.GetByteCount(unescaped));
    }

    [Fact]
    public void AnUnsetId_IsLeftOut_NotCountedAsADeployTimeValue()
    {
        var model = Model("Shop", "ns-1", "payments", null!, "payments-svc");
        Assert.Equal(Utf8(model.ToJson((text, _) => JsonValue.Create(text))), model.EstimatedBytes());
        Assert.DoesNotContain("\"id\":null", model.ToJson((text, _) => JsonValue.Create(text)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DeployTimeValues_CountAsTheirLongest_IdsTwenty_NamesTwoHundredFiftyFive_EcsNamesTheStackAndEighty()
    {
        var tokens = Model("Shop", Fn.ImportValue("NamespaceId"), Fn.ImportValue("Name"), Fn.ImportValue("ServiceId"), Fn.ImportValue("EcsName"));
        var longest = Model("Shop", new string('x', 20), new string('x', 255), new string('x', 20), new string('x', "Shop".Length + 80));
        Assert.Equal(longest.EstimatedBytes(), tokens.EstimatedBytes());
    }

    [Fact]
    public void AGeneratedEcsServiceName_IsNeverCountedOverTwoHundredFiftyFive()
    {
        var stack = new string('s', 200);
        var tokens = Model(stack, "ns-1", "orders", "srv-1", Fn.ImportValue("EcsName"));
        var longest = Model(stack, "ns-1", "orders", "srv-1", new string('x', 255));
        Assert.Equal(longest.EstimatedBytes(), tokens.EstimatedBytes());
    }
}

/// <summary>The model as the CDK serialises it into the function's environment.</summary>
public class CanaryJsonTests
{
    [Fact]
    public void ToCdk_DropsNullFields_AndKeepsStringsBooleansIntegersAndFractions()
    {
        var cdk = (Dictionary<string, object>)CanaryJson.ToCdk(JsonNode.Parse("{\"a\":null,\"b\":true,\"c\":3,\"d\":2.5,\"e\":[\"x\",false],\"f\":{}}"))!;
        Assert.Equal(["b", "c", "d", "e", "f"], cdk.Keys);
        Assert.Equal(true, cdk["b"]);
        Assert.Equal(3, cdk["c"]);
        Assert.Equal(2.5, cdk["d"]);
        Assert.Equal(new object[] { "x", false }, (object[])cdk["e"]);
        Assert.Empty((Dictionary<string, object>)cdk["f"]);
        Assert.Null(CanaryJson.ToCdk(null));
    }
}
