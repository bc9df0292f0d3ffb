using System.Globalization;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>Values the CDK resolved (arrays, string-keyed dictionaries, strings, numbers, booleans) as JSON.</summary>
internal static class CdkJson
{
    /// <summary>The JSON of a value <c>Stack.Resolve</c> returned.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary<string, object> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))),
        object[] list => new JsonArray(list.Select(ToNode).ToArray()),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        IConvertible number => JsonValue.Create(number.ToDouble(CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
