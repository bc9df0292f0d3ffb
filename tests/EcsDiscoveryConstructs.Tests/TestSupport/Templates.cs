using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>
/// The synthesized template of a stack as JSON: how tests read values out of a template. (The CDK's assertions,
/// <c>HasResourceProperties</c> and <c>ResourceCountIs</c>, match; what they do not express is read here.)
/// </summary>
internal static class Templates
{
    /// <summary>The stack's template.</summary>
    public static JsonObject Json(Stack stack) => JsonNode.Parse(Text(stack))!.AsObject();

    /// <summary>The stack's template as compact JSON text.</summary>
    public static string Text(Stack stack) => System.Text.Json.JsonSerializer.Serialize(Template.FromStack(stack).ToJSON());

    /// <summary>The template's resources by logical id.</summary>
    public static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    /// <summary>The resources of one type, by logical id.</summary>
    public static Dictionary<string, JsonObject> OfType(JsonObject template, string type)
        => Resources(template).Where(r => Str(r.Value!["Type"]) == type).ToDictionary(r => r.Key, r => r.Value!.AsObject());

    /// <summary>The stack's resources of one type, by logical id.</summary>
    public static Dictionary<string, JsonObject> OfType(Stack stack, string type) => OfType(Json(stack), type);

    /// <summary>The stack's only resource of <paramref name="type"/> (fails when there are none or several).</summary>
    public static JsonObject Only(Stack stack, string type) => OfType(stack, type).Values.Single();

    /// <summary>The properties of the stack's only resource of <paramref name="type"/>.</summary>
    public static JsonObject OnlyProperties(Stack stack, string type) => Only(stack, type)["Properties"]!.AsObject();

    /// <summary>The only container of the stack's only task definition.</summary>
    public static JsonObject OnlyContainer(Stack stack)
        => OnlyProperties(stack, "AWS::ECS::TaskDefinition")["ContainerDefinitions"]!.AsArray().Single()!.AsObject();

    /// <summary>The statements of a policy resource's document.</summary>
    public static IEnumerable<JsonObject> Statements(JsonObject policy)
        => policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject());

    /// <summary>The objects of a JSON array.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? array) => array!.AsArray().Select(o => o!.AsObject());

    /// <summary>The string at a node.</summary>
    public static string Str(JsonNode? node) => node!.GetValue<string>();
}
