using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Testing;

/// <summary>
/// Turns a CloudFormation template into stable golden text: asset hashes become Asset1, Asset2, ... in order of first
/// appearance (so a CDK upgrade that re-hashes an asset shows no diff), indented JSON, LF endings.
/// </summary>
public static partial class TemplateScrubber
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    /// <summary>Scrubs and formats <paramref name="templateJson"/>; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static string Scrub(string templateJson)
    {
        var node = JsonNode.Parse(templateJson) ?? throw new InvalidOperationException("The template is empty.");
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var scrubbed = Walk(node, names);
        return scrubbed!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode? Walk(JsonNode? node, Dictionary<string, string> names) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(ScrubText(p.Key, names), Walk(p.Value, names)))),
        JsonArray array => new JsonArray(array.Select(item => Walk(item, names)).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(ScrubText(value.GetValue<string>(), names)),
        _ => node?.DeepClone(),
    };

    private static string ScrubText(string text, Dictionary<string, string> names)
        => AssetHash().Replace(text, m =>
        {
            if (!names.TryGetValue(m.Value, out var name))
            {
                name = $"Asset{names.Count + 1}";
                names[m.Value] = name;
            }

            return name;
        });

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
