using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Tests.Canary;

/// <summary>
/// Reads a synthesized canary the way CloudFormation and the canary would: the model variable's expression evaluated
/// with every reference replaced by a marker «LogicalId.Attribute» (or «Ref LogicalId»), then read by the verifier.
/// </summary>
internal static class CanaryTemplate
{
    public static JsonObject Json(Stack stack) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Template.FromStack(stack).ToJSON()))!.AsObject();

    public static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    /// <summary>The canary functions' model expressions, by function logical id.</summary>
    public static Dictionary<string, JsonNode> ModelExpressions(JsonObject template)
        => Resources(template)
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function" && r.Value["Properties"]?["Environment"]?["Variables"]?["ECS_DISCOVERY_EXPECTED_MODEL"] is not null)
            .ToDictionary(r => r.Key, r => r.Value!["Properties"]!["Environment"]!["Variables"]!["ECS_DISCOVERY_EXPECTED_MODEL"]!);

    /// <summary>The model as CloudFormation would hand it to the function, with markers for deploy-time values.</summary>
    public static string EvaluatedModel(Stack stack) => Evaluate(ModelExpressions(Json(stack)).Values.Single());

    /// <summary>The canary's model of <paramref name="stack"/> and the one <c>verify</c> derives from its template.</summary>
    public static (ExpectedState Canary, ExpectedState Verify) Models(Stack stack)
    {
        var template = Json(stack);
        var canary = ExpectedModelJson.Read(Evaluate(ModelExpressions(template).Values.Single()), "canary model");
        var verify = ExpectedState.From([TemplateTopologyReader.Read(stack.StackName, template.ToJsonString())]);
        return (canary, verify);
    }

    public static string Evaluate(JsonNode? node) => node switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(Evaluate)),
        JsonObject o when o["Ref"] is JsonValue r => $"«Ref {r.GetValue<string>()}»",
        JsonObject o when o["Fn::GetAtt"] is JsonArray g => $"«{g[0]!.GetValue<string>()}.{g[1]!.GetValue<string>()}»",
        _ => throw new InvalidOperationException($"cannot evaluate {node?.ToJsonString()}"),
    };

    /// <summary>Asserts the two models hold the same namespaces and services, value for value; deploy-time values must be the canary's only additions.</summary>
    public static void AssertSameModel(ExpectedState canary, ExpectedState verify)
    {
        Assert.Equal(verify.Namespaces.Select(n => n.LogicalId).Order(), canary.Namespaces.Select(n => n.LogicalId).Order());
        foreach (var expected in verify.Namespaces)
        {
            var actual = canary.Namespaces.Single(n => n.LogicalId == expected.LogicalId);
            Assert.Equal((expected.Stack, expected.Kind, expected.SoaTtl, expected.Imported, expected.OwnerAccount), (actual.Stack, actual.Kind, actual.SoaTtl, actual.Imported, actual.OwnerAccount));
            AssertSameValue(expected.Name, actual.Name, $"namespace {expected.LogicalId} name");
            Assert.Equal(expected.Imported ? expected.Id : $"«{expected.LogicalId}.Id»", actual.Id);
        }

        static string Key(ExpectedService s) => s.ServiceConnect ? $"{s.Source}/sc/{s.Name.Literal}" : s.Source;
        Assert.Equal(verify.Services.Select(Key).Order(), canary.Services.Select(Key).Order());
        foreach (var expected in verify.Services)
        {
            var actual = canary.Services.Single(s => Key(s) == Key(expected));
            var what = $"service {Key(expected)}";
            Assert.Equal(expected.Namespace.LogicalId, actual.Namespace.LogicalId);
            Assert.Equal(expected.DnsRecords, actual.DnsRecords);
            Assert.Equal((expected.RoutingPolicy, expected.HealthCheck, expected.MinInstances, expected.MaxInstances, expected.ServiceConnect, expected.Stack), (actual.RoutingPolicy, actual.HealthCheck, actual.MinInstances, actual.MaxInstances, actual.ServiceConnect, actual.Stack));
            AssertSameValue(expected.Name, actual.Name, $"{what} name");
            Assert.Equal(expected.ServiceConnect ? null : $"«{expected.Source}.Id»", actual.Id);
            Assert.Equal(expected.EcsServiceNames.Count, actual.EcsServiceNames.Count);
            foreach (var (e, a) in expected.EcsServiceNames.Zip(actual.EcsServiceNames))
            {
                AssertSameValue(e, a, $"{what} ECS service name");
            }
        }
    }

    /// <summary>A literal must be equal; a value CloudFormation resolves must reach the canary as a deploy-time value.</summary>
    private static void AssertSameValue(TemplateValue expected, TemplateValue actual, string what)
    {
        if (expected.IsResolved)
        {
            Assert.True(expected.Literal == actual.Literal, $"{what}: verify has '{expected.Literal}', the canary '{actual.Literal}'");
        }
        else
        {
            Assert.True(actual.Literal?.Contains('«', StringComparison.Ordinal) == true, $"{what}: verify has {expected.Expression}, the canary '{actual.Literal}' (not resolved by CloudFormation)");
        }
    }
}
