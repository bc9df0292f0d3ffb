using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Testing;

/// <summary>
/// A resource-level comparison of two CloudFormation templates (golden and received): which resources, outputs,
/// parameters, conditions and mappings were added, removed, changed or replaced, and the property paths that changed.
/// </summary>
public static class TemplateDiff
{
    private const int MaxValueLength = 160;

    private static readonly string[] Sections = ["Resources", "Outputs", "Parameters", "Conditions", "Mappings"];

    /// <summary>Compares two templates; throws <see cref="JsonException"/> when either is not a JSON object.</summary>
    public static IReadOnlyList<ResourceChange> Compare(string goldenJson, string receivedJson)
    {
        var golden = JsonNode.Parse(goldenJson) as JsonObject ?? throw new JsonException("The golden template is not a JSON object.");
        var received = JsonNode.Parse(receivedJson) as JsonObject ?? throw new JsonException("The received template is not a JSON object.");
        var changes = new List<ResourceChange>();
        foreach (var section in Sections)
        {
            var before = golden[section] as JsonObject ?? [];
            var after = received[section] as JsonObject ?? [];
            foreach (var id in before.Select(e => e.Key).Union(after.Select(e => e.Key)).Order(StringComparer.Ordinal))
            {
                if (Entry(section, id, before[id], after[id], before.ContainsKey(id), after.ContainsKey(id)) is { } change)
                {
                    changes.Add(change);
                }
            }
        }

        return changes;
    }

    /// <summary>The changes as text: a summary line, then one line per entry and one per changed property.</summary>
    public static string Describe(IReadOnlyList<ResourceChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var resources = changes.Count(c => c.Section == "Resources");
        var text = new StringBuilder($"{resources} resource change(s), {changes.Count(c => c.Kind == ChangeKind.Replaced)} replacement(s)");
        if (changes.Count > resources)
        {
            text.Append($", {changes.Count - resources} other change(s)");
        }

        text.Append('\n');
        foreach (var change in changes)
        {
            var mark = change.Kind switch { ChangeKind.Added => "[+]", ChangeKind.Removed => "[-]", ChangeKind.Replaced => "[!]", _ => "[~]" };
            var what = change.Section == "Resources" ? change.Type ?? "(no type)" : change.Section;
            text.Append($"{mark} {what} {change.LogicalId}{(change.Kind == ChangeKind.Replaced ? " replace" : string.Empty)}\n");
            foreach (var p in change.Properties)
            {
                text.Append($"    {p.Path}: {p.Before ?? "(none)"} -> {p.After ?? "(none)"}{(p.ForcesReplacement ? " (requires replacement)" : string.Empty)}\n");
            }
        }

        return text.ToString();
    }

    private static ResourceChange? Entry(string section, string id, JsonNode? before, JsonNode? after, bool inBefore, bool inAfter)
    {
        var type = TypeOf(after) ?? TypeOf(before);
        if (!inBefore)
        {
            return new ResourceChange(section, id, type, ChangeKind.Added, []);
        }

        if (!inAfter)
        {
            return new ResourceChange(section, id, type, ChangeKind.Removed, []);
        }

        var properties = new List<PropertyChange>();
        Walk(before, after, string.Empty, section == "Resources" ? type : null, properties);
        if (properties.Count == 0)
        {
            return null;
        }

        var typeChanged = section == "Resources" && TypeOf(before) != TypeOf(after);
        var replaced = typeChanged || properties.Any(p => p.ForcesReplacement);
        return new ResourceChange(section, id, type, replaced ? ChangeKind.Replaced : ChangeKind.Changed, properties);
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, string? type, List<PropertyChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(e => e.Key).Union(b.Select(e => e.Key)).Order(StringComparer.Ordinal))
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!a.ContainsKey(key) || !b.ContainsKey(key))
                    {
                        changes.Add(Change(child, a.ContainsKey(key) ? a[key] : null, b.ContainsKey(key) ? b[key] : null, a.ContainsKey(key), b.ContainsKey(key), type));
                    }
                    else
                    {
                        Walk(a[key], b[key], child, type, changes);
                    }
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    var child = $"{path}[{i}]";
                    if (i >= a.Count || i >= b.Count)
                    {
                        changes.Add(Change(child, i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, i < a.Count, i < b.Count, type));
                    }
                    else
                    {
                        Walk(a[i], b[i], child, type, changes);
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(Change(path, before, after, true, true, type));
                }

                break;
        }
    }

    private static PropertyChange Change(string path, JsonNode? before, JsonNode? after, bool hadBefore, bool hasAfter, string? type)
        => new(path, hadBefore ? Show(before) : null, hasAfter ? Show(after) : null, type is not null && (path == "Type" || KnownReplacements.Forces(type, path)));

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength), "...");
    }

    private static string? TypeOf(JsonNode? entry) => entry is JsonObject o && o["Type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
