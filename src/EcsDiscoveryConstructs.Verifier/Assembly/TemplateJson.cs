using System.Globalization;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>Small readers for CloudFormation JSON: literals, intrinsic references and numbers.</summary>
internal static class TemplateJson
{
    /// <summary>A literal string or number, else the expression's JSON.</summary>
    public static TemplateValue Value(JsonNode? node) => node switch
    {
        null => new TemplateValue(null, "null"),
        JsonValue v when v.TryGetValue<string>(out var s) => new TemplateValue(s, null),
        JsonValue v when v.TryGetValue<double>(out var d) => new TemplateValue(d.ToString(CultureInfo.InvariantCulture), null),
        _ => new TemplateValue(null, node.ToJsonString()),
    };

    /// <summary>The logical id an expression points at: <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, attr]}</c>.</summary>
    public static string? Target(JsonNode? node) => Shared.CfnReferences.Target(node);

    /// <summary>Every logical id referenced anywhere inside <paramref name="node"/>.</summary>
    public static IEnumerable<string> Targets(JsonNode? node) => Shared.CfnReferences.Targets(node);

    /// <summary>A whole number (clamped to the int range), or null when absent or not a literal number.</summary>
    public static int? Int(JsonNode? node) => Shared.CfnReferences.Int(node);

    /// <summary>
    /// The list at <paramref name="node"/>; empty when absent or when an intrinsic function (an object such as
    /// <c>Fn::If</c>) stands in its place: what it yields is known only at deploy.
    /// </summary>
    public static JsonArray List(JsonNode? node) => node as JsonArray ?? [];

    /// <summary>The value at <paramref name="path"/> below <paramref name="node"/>, walking through objects only; null when a step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
        }

        return node;
    }

    /// <summary>A string literal, or null.</summary>
    public static string? String(JsonNode? node) => Shared.CfnReferences.String(node);
}
