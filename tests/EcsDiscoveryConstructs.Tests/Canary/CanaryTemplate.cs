using EcsDiscoveryConstructs.Tests.TestSupport;
using System.Text.Json.Nodes;
using Amazon.CDK;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Canary;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Tests.Canary;

/// <summary>
/// Reads a synthesized canary the way the canary reads its deployed stack: the template through the template reader,
/// narrowed to the canary function's scope metadata (CanaryExpectations.Scope), beside what verify derives.
/// </summary>
internal static class CanaryTemplate
{
    /// <summary>The logical id of the canary function (the function whose environment names the stack to read).</summary>
    public static string FunctionId(JsonObject template)
        => Templates.Resources(template).Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function" && r.Value["Properties"]?["Environment"]?["Variables"]?["ECS_DISCOVERY_STACK"] is not null).Key;

    /// <summary>What the canary of <paramref name="stack"/> checks and what <c>verify</c> derives from its template.</summary>
    public static (ExpectedState Canary, ExpectedState Verify) Models(Stack stack)
    {
        var template = Templates.Json(stack);
        var topology = TemplateTopologyReader.Read(stack.StackName, template.ToJsonString());
        return (ExpectedState.From([CanaryExpectations.Scope(topology, FunctionId(template))]), ExpectedState.From([topology]));
    }

    /// <summary>Asserts the two hold the same namespaces and services, value for value.</summary>
    public static void AssertSameModel(ExpectedState canary, ExpectedState verify)
    {
        Assert.Equal(verify.Namespaces.OrderBy(n => n.LogicalId), canary.Namespaces.OrderBy(n => n.LogicalId));
        static string Key(ExpectedService s) => s.ServiceConnect ? $"{s.Source}/sc/{s.Name.Literal}" : s.Source;
        static string Show(ExpectedService s) => $"{s.Stack} {s.Source} {s.Name} {s.Namespace.LogicalId} {string.Join(",", s.DnsRecords)} {s.RoutingPolicy} {s.HealthCheck} {s.MinInstances}-{s.MaxInstances} {string.Join(",", s.EcsServiceNames)} {s.ServiceConnect}";
        Assert.Equal(verify.Services.OrderBy(Key).Select(Show), canary.Services.OrderBy(Key).Select(Show));
    }
}
