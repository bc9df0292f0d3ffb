using System.Text;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Cli.Tests.Fuzz;

/// <summary>
/// Mutates JSON text the way broken tools and lying servers do: a key deleted, a value of another type, a duplicated
/// key, the text cut short, huge numbers and strings, deep nesting, unicode and control characters. Seeded: the same
/// random source gives the same mutation.
/// </summary>
internal static class JsonMutator
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => JsonValue.Create("x"),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(1e308),
        _ => JsonValue.Create(1e12),
        _ => JsonValue.Create(0.5),
        _ => JsonValue.Create(true),
        _ => new JsonArray(),
        _ => new JsonObject(),
        _ => JsonValue.Create(new string('z', 100_000)),
        _ => JsonValue.Create("\u00fc\u0000\uffff\u202e\ud83d\ude00../../etc/passwd"),
        r => Nested(r.Next(50, 120)),
    ];

    /// <summary>One mutation of <paramref name="json"/>, described for the failure message.</summary>
    public static (string Text, string What) Mutate(string json, Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                var cut = random.Next(Math.Max(1, json.Length));
                return (json[..cut], $"cut at {cut}");
            case 1:
                return DuplicateKey(json, random);
            default:
                var root = JsonNode.Parse(json);
                if (root is null)
                {
                    return ("null", "null document");
                }

                var nodes = All(root).ToList();
                var target = nodes[random.Next(nodes.Count)];
                var what = Replace(root, target, random, out var replaced);
                return ((replaced ?? root)?.ToJsonString() ?? "null", what);
        }
    }

    private static string Replace(JsonNode root, JsonNode target, Random random, out JsonNode? newRoot)
    {
        newRoot = null;
        var path = target.GetPath();
        var parent = target.Parent;
        var value = Replacements[random.Next(Replacements.Length)](random);
        if (parent is null)
        {
            newRoot = value;
            return $"root replaced by {Describe(value)}";
        }

        if (parent is JsonObject obj)
        {
            var key = obj.First(p => ReferenceEquals(p.Value, target)).Key;
            if (random.Next(3) == 0)
            {
                obj.Remove(key);
                return $"{path} deleted";
            }

            obj[key] = value;
        }
        else if (parent is JsonArray array)
        {
            array[array.IndexOf(target)] = value;
        }

        return $"{path} = {Describe(value)}";
    }

    private static (string, string) DuplicateKey(string json, Random random)
    {
        var at = json.IndexOf('{', random.Next(Math.Max(1, json.Length / 2)));
        return at < 0 ? (json + json, "doubled") : (json.Insert(at + 1, "\"dup\":1,\"dup\":2,"), $"duplicate key at {at}");
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static IEnumerable<JsonNode> All(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var nested in All(child))
            {
                yield return nested;
            }
        }
    }

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 40 ? new StringBuilder(text, 0, 40, 43).Append("...").ToString() : text;
    }
}
