using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>The canary's checks that need the finished app: there is something to check, and it fits the function's environment.</summary>
internal static class CanaryRules
{
    public static RuleInfo Info => new(
        "canary-model",
        RuleLevel.Error,
        "A DiscoveryCanary's scope declares at least one Cloud Map namespace, and its expected model fits Lambda's 4 KB of environment variables once CloudFormation resolves it.",
        "A canary with nothing to check would report zero failures forever; a model over Lambda's 4 KB environment limit fails the deployment.") { Reference = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html" };

    /// <summary>The error messages for <paramref name="canary"/>'s collected <paramref name="model"/>.</summary>
    public static IEnumerable<string> AtSynth(DiscoveryCanary canary, CanaryModel model)
    {
        var path = canary.Node.Path;
        if (model.Namespaces.Count == 0)
        {
            yield return RuleRunner.Format(nameof(DiscoveryCanary), path, Info, new Violation($"Scope '{canary.CheckedScope.Node.Path}'", "declares no Cloud Map namespace (nor uses one of its stack), so the canary would check nothing", "Create the canary for the stack or construct that holds the namespaces and services to check."));
            yield break;
        }

        // Lambda counts the environment as the JSON of the variable map ("the total size of all environment variables
        // doesn't exceed 4 KB"): names, quotes and the model's escaped quotes included.
        var bytes = model.EnvironmentBytes(DiscoveryCanary.ModelVariable, canary.FixedEnvironment);
        if (bytes > CanaryModel.EnvironmentLimit)
        {
            yield return RuleRunner.Format(nameof(DiscoveryCanary), path, Info, new Violation(
                $"Scope '{canary.CheckedScope.Node.Path}'",
                $"declares {model.Namespaces.Count} namespaces and {model.Services.Count} services: the function's environment would take up to {bytes} bytes as Lambda counts it (the JSON of its variables); Lambda allows {CanaryModel.EnvironmentLimit}",
                "Split the checks: one DiscoveryCanary per construct that groups some of the services (Scope = that construct)."));
        }
    }
}
