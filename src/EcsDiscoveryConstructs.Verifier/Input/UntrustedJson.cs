using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Verifier.Input;

/// <summary>
/// Parses JSON nobody vouches for (cloud assemblies, API answers) and reads its shape: duplicate keys and deep nesting
/// are refused, and every unexpected shape becomes an <see cref="InputException"/> naming the source and JSON path.
/// </summary>
internal static class UntrustedJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false, MaxDepth = 128 };

    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names it in messages (a file or an API call).</summary>
    public static JsonNode? Parse(string text, string source)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw new InputException($"{source} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The object at <paramref name="path"/>; throws when it is missing (unless <paramref name="optional"/>) or not an object.</summary>
    public static JsonObject? Object(JsonNode? node, string source, string path, bool optional = false)
        => node switch
        {
            JsonObject o => o,
            null when optional => null,
            _ => throw Unexpected(node, source, path, "an object"),
        };

    /// <summary>The array at <paramref name="path"/>, or an empty one when missing; throws when it is not an array.</summary>
    public static JsonArray Array(JsonNode? node, string source, string path)
        => node switch
        {
            JsonArray a => a,
            null => [],
            _ => throw Unexpected(node, source, path, "a list"),
        };

    /// <summary>The string at <paramref name="path"/>, or null when missing; throws when it is not a string.</summary>
    public static string? String(JsonNode? node, string source, string path)
        => node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw Unexpected(node, source, path, "a string"),
        };

    /// <summary>The error for a value of the wrong shape.</summary>
    public static InputException Unexpected(JsonNode? node, string source, string path, string expected)
        => new($"{source}: {path} is {Describe(node)}, expected {expected}");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "missing",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.TryGetValue<string>(out _) => "a string",
        JsonValue v when v.TryGetValue<bool>(out _) => "a boolean",
        _ => "a number",
    };
}
