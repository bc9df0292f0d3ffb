using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation;

/// <summary>The canary's synth-time rule (canary-model): something to check, and a model that fits Lambda's environment.</summary>
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
    public void AModelOverLambdasEnvironmentLimit_FailsSynthesisWithOurMessage()
    {
        var w = new Workloads();
        for (var i = 0; i < 20; i++)
        {
            _ = w.DnsService($"Service{i}", $"service-{i}");
        }

        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });
        var error = Findings.SynthError(w.Stack);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(error.Message, @"DiscoveryCanary 'TestStack/Canary': Scope 'TestStack' declares 1 namespaces and 20 services: the function's environment would take up to \d+ bytes as Lambda counts it \(the JSON of its variables\); Lambda allows 4096\. Split the checks: one DiscoveryCanary per construct that groups some of the services \(Scope = that construct\)\. \[ecs-discovery:canary-model\]"), error.Message);
    }

    [Fact]
    public void ElevenServices_AreOverLambdasLimitAsLambdaCountsIt_EscapedQuotesIncluded()
    {
        // The model alone is under 4,096 bytes; its JSON written as a string value in the variable map is not.
        var w = new Workloads();
        for (var i = 0; i < 11; i++)
        {
            _ = w.DnsService($"Service{i}", $"service-{i}");
        }

        var canary = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });
        var error = Findings.SynthError(w.Stack);
        var bytes = int.Parse(System.Text.RegularExpressions.Regex.Match(error.Message, @"would take up to (\d+) bytes").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(canary.Model.EstimatedBytes(), 3000, 4095);
        Assert.InRange(bytes, 4097, 6000);
        var quotes = canary.Model.ToJson((text, _) => System.Text.Json.Nodes.JsonValue.Create(text)).ToJsonString().Count(c => c == '"');
        Assert.True(bytes >= canary.Model.EstimatedBytes() + quotes, $"{bytes} bytes do not count the model's {quotes} escaped quotes");
    }
}
