using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>The canary's checks that need the finished app: there is something to check, and its role can name what it reads.</summary>
internal static class CanaryRules
{
    /// <summary>
    /// The most Cloud Map services a canary's role names one by one. A service ARN takes about 80 of the 6,144 characters
    /// IAM allows a managed policy (10,240 for a role's inline policies together), it appears in two statements, and
    /// the CDK moves whole statements, never parts, into overflow managed policies: 50 keeps each statement within one.
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)
    /// </summary>
    public const int MaxNamedServices = 50;

    public static RuleInfo ServiceReadsInfo => new(
        "canary-service-reads",
        RuleLevel.Warning,
        $"A DiscoveryCanary's role names each Cloud Map service it reads: at most {MaxNamedServices}.",
        "IAM caps a managed policy at 6,144 characters and a service ARN takes about 80 in two statements; past the cap the role reads instances of service/* in its account and Region (DiscoverInstances stays limited to the checked namespaces by name).") { Reference = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html" };

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

    /// <summary>The warning for a scope with more Cloud Map services than the role names one by one.</summary>
    public static IEnumerable<Finding> Warnings(DiscoveryCanary canary, CanaryModel model)
    {
        if (!model.NamesEachService)
        {
            yield return new Finding(ServiceReadsInfo, new Violation(
                $"Scope '{canary.CheckedScope.Node.Path}'",
                $"holds {model.NamedServices} Cloud Map services, more than the {MaxNamedServices} its role names one by one within IAM's policy size quota, so the role may list the instances of every Cloud Map service of its account and Region",
                $"To keep the role to the checked services, create one canary per construct of at most {MaxNamedServices} services (Scope)."));
        }
    }
}
