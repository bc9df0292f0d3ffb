using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>The canary's check that needs the finished app: there is something to check.</summary>
internal static class CanaryRules
{
    public static RuleInfo Info => new(
        "canary-model",
        RuleLevel.Error,
        "A DiscoveryCanary's scope declares at least one Cloud Map namespace (or uses one of its stack).",
        "A canary with nothing to check would report zero failures forever: it checks the namespaces and services the Cloud Map registry holds for its scope.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/dg/working-with-namespaces.html" };

    /// <summary>The error messages for <paramref name="canary"/>'s collected <paramref name="model"/>.</summary>
    public static IEnumerable<string> AtSynth(DiscoveryCanary canary, CanaryModel model)
    {
        var path = canary.Node.Path;
        if (model.Namespaces.Count == 0)
        {
            yield return RuleRunner.Format(nameof(DiscoveryCanary), path, Info, new Violation($"Scope '{canary.CheckedScope.Node.Path}'", "declares no Cloud Map namespace (nor uses one of its stack), so the canary would check nothing", "Create the canary for the stack or construct that holds the namespaces and services to check."));
        }
    }
}
