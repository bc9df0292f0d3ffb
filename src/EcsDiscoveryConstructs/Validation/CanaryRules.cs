using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>The canary's checks that need the finished app: there is something to check, and it fits the function's environment.</summary>
internal static class CanaryRules
{
    public static RuleInfo Info => new(
        "canary-model",
        RuleLevel.Error,
        "A DiscoveryCanary's scope declares at least one Cloud Map namespace, and its expected model fits Lambda's 4 KB of environment variables once CloudFormation resolves it.",
        "A canary with nothing to check would report zero failures forever; a model over Lambda's 4 KB environment limit fails the deployment.");

    /// <summary>The error messages for <paramref name="canary"/>'s collected <paramref name="model"/>.</summary>
    public static IEnumerable<string> AtSynth(DiscoveryCanary canary, CanaryModel model)
    {
        var path = canary.Node.Path;
        if (model.Namespaces.Count == 0)
        {
            yield return RuleRunner.Format(nameof(DiscoveryCanary), path, Info, new Violation($"Scope '{canary.CheckedScope.Node.Path}'", "declares no Cloud Map namespace (nor uses one of its stack), so the canary would check nothing", "Create the canary for the stack or construct that holds the namespaces and services to check."));
            yield break;
        }

        var budget = CanaryModel.EnvironmentLimit - DiscoveryCanary.ModelVariable.Length - 64;
        if (model.EstimatedBytes() is var bytes && bytes > budget)
        {
            yield return RuleRunner.Format(nameof(DiscoveryCanary), path, Info, new Violation(
                $"Scope '{canary.CheckedScope.Node.Path}'",
                $"declares {model.Namespaces.Count} namespaces and {model.Services.Count} services, an expected model of up to {bytes} bytes; Lambda allows {budget} for it",
                "Split the checks: one DiscoveryCanary per construct that groups some of the services (Scope = that construct)."));
        }
    }
}
