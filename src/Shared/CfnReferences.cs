using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// The logical ids CloudFormation references point at, in template JSON. Compiled into both the construct library (the
/// canary reads resolved L1 properties) and the verifier (it reads templates), which must read references the same way.
/// </summary>
internal static class CfnReferences
{
    /// <summary>The logical id of <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, attribute]}</c>, else null.</summary>
    public static string? Target(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (obj["Ref"] is JsonValue reference && reference.TryGetValue<string>(out var id))
        {
            return id;
        }

        return obj["Fn::GetAtt"] is JsonArray { Count: > 0 } getAtt && getAtt[0] is JsonValue first && first.TryGetValue<string>(out var target) ? target : null;
    }

    /// <summary>A string literal, else null.</summary>
    public static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A whole number (clamped to the int range, or parsed from a string), else null when absent or not a literal number.</summary>
    public static int? Int(JsonNode? node)
        => node is JsonValue v && v.TryGetValue<double>(out var d) ? (int)Math.Clamp(d, int.MinValue, int.MaxValue)
            : node is JsonValue s && s.TryGetValue<string>(out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;

    /// <summary>Every logical id referenced anywhere inside <paramref name="node"/>.</summary>
    public static IEnumerable<string> Targets(JsonNode? node)
    {
        if (Target(node) is { } id)
        {
            yield return id;
        }

        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var nested in Targets(child))
            {
                yield return nested;
            }
        }
    }
}
