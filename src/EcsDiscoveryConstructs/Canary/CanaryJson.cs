using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>JSON as the values the CDK serialises (dictionaries, arrays, strings that may hold tokens, numbers, booleans).</summary>
internal static class CanaryJson
{
    // Stryker disable once String : the last arm's message; JsonNode has no kinds besides object, array and value, so it is never built.
    public static object? ToCdk(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => ToCdk(p.Value)!),
        JsonArray a => a.Select(ToCdk).ToArray(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v => v.GetValue<double>(),
        _ => throw new ArgumentException($"unexpected JSON node {node.GetType().Name}", nameof(node)),
    };
}
