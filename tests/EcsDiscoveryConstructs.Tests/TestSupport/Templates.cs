using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>The synthesized template of a stack as JSON: how tests read what the CDK's assertions do not express.</summary>
internal static class Templates
{
    /// <summary>The stack's template.</summary>
    public static JsonObject Json(Stack stack) => JsonNode.Parse(Text(stack))!.AsObject();

    /// <summary>The stack's template as compact JSON text.</summary>
    public static string Text(Stack stack) => System.Text.Json.JsonSerializer.Serialize(Template.FromStack(stack).ToJSON());

    /// <summary>The template's resources by logical id.</summary>
    public static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    /// <summary>The resources of one type, by logical id.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> OfType(JsonObject template, string type)
        => Resources(template).Where(r => r.Value!["Type"]!.GetValue<string>() == type);
}
