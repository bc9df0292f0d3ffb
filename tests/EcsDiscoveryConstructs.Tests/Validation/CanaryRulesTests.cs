using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation;

/// <summary>The canary's synth-time rule (canary-model): something to check; and no size limit on what it checks.</summary>
public class CanaryRulesTests
{
    [Fact]
    public void AScopeWithoutNamespaces_FailsSynthesisWithOurMessage()
    {
        var w = new Workloads();
        var empty = new Constructs.Construct(w.Stack, "Empty");
        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc, Scope = empty });
        var error = Findings.SynthError(w.Stack);
        Assert.Contains("DiscoveryCanary 'TestStack/Canary': Scope 'TestStack/Empty' declares no Cloud Map namespace (nor uses one of its stack), so the canary would check nothing. Create the canary for the stack or construct that holds the namespaces and services to check. [ecs-discovery:canary-model]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThirtyServices_ThreeTimesTheOldLimit_Synthesize_WithAnEnvironmentWellUnder4KB_AndTheRoleReadingOnlyItsOwnStack()
    {
        var w = new Workloads();
        for (var i = 0; i < 30; i++)
        {
            _ = w.DnsService($"Service{i}", $"service-{i}");
        }

        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });
        var template = EcsDiscoveryConstructs.Tests.Canary.CanaryTemplate.Json(w.Stack);
        var function = EcsDiscoveryConstructs.Tests.Canary.CanaryTemplate.Resources(template)[EcsDiscoveryConstructs.Tests.Canary.CanaryTemplate.FunctionId(template)]!;
        var environment = function["Properties"]!["Environment"]!["Variables"]!.ToJsonString();
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(environment), 1, 512);
        Assert.Equal(30, EcsDiscoveryConstructs.Tests.Canary.CanaryTemplate.Models(w.Stack).Canary.Services.Count);

        var stackReads = EcsDiscoveryConstructs.Tests.Canary.CanaryTemplate.Resources(template).Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Policy")
            .SelectMany(p => p.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()).Single(s => s!["Sid"]?.GetValue<string>() == "ReadOwnStack")!;
        Assert.Equal("[\"cloudformation:DescribeStacks\",\"cloudformation:GetTemplate\",\"cloudformation:ListStackResources\"]", stackReads["Action"]!.ToJsonString());
        Assert.Contains(":stack/\",{\"Ref\":\"AWS::StackName\"},\"/*\"", stackReads["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
