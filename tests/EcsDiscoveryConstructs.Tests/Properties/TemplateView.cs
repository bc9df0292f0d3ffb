using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// A synthesized template read as plain JSON, for the acceptance checks: resources by type, and values that are
/// literals (intrinsics such as <c>Fn::ImportValue</c> read as unknown and are not judged).
/// </summary>
internal sealed class TemplateView(JsonObject template)
{
    public IEnumerable<(string Id, JsonObject Properties)> OfType(string type)
        => (template["Resources"] as JsonObject ?? [])
            .Where(r => r.Value?["Type"]?.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"] as JsonObject ?? []));

    /// <summary>The literal string, or null when the value is missing or an intrinsic.</summary>
    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The literal number, or null when the value is missing or an intrinsic.</summary>
    public static double? Num(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>The resource a <c>Ref</c> or <c>Fn::GetAtt</c> points at, else the literal, else null.</summary>
    public static string? Target(JsonNode? node)
        => node is JsonObject o
            ? (o["Ref"] is { } r ? Str(r) : (o["Fn::GetAtt"] as JsonArray)?[0] is { } a ? Str(a) : null)
            : Str(node);

    /// <summary>True when <paramref name="value"/> is an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static bool WholeIn(double value, double min, double max) => value >= min && value <= max && Math.Floor(value) == value;
}
