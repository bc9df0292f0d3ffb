using Amazon.CDK;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>Runs props rules against a construct: errors are thrown together, warnings become CDK annotations.</summary>
internal static class RuleRunner
{
    /// <summary>
    /// Evaluates <paramref name="rules"/> in order. Throws one <see cref="DiscoveryValidationException"/> listing
    /// every error; adds each warning with <c>Annotations.AddWarningV2</c> under the rule's qualified id.
    /// </summary>
    public static void Apply<TSubject>(IConstruct construct, string kind, TSubject subject, IEnumerable<IPropsRule<TSubject>> rules)
    {
        string? path = null;
        var errors = new List<string>();
        foreach (var rule in rules)
        {
            foreach (var violation in rule.Check(subject))
            {
                path ??= construct.Node.Path;
                var message = Format(kind, path, rule.Info, violation);
                if (rule.Info.Level == RuleLevel.Error)
                {
                    errors.Add(message);
                }
                else
                {
                    Annotations.Of(construct).AddWarningV2(rule.Info.QualifiedId, message);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DiscoveryValidationException(kind, path!, errors);
        }
    }

    /// <summary>Formats one finding: <c>Kind 'path': Subject Problem. Fix [ecs-discovery:id]</c>.</summary>
    public static string Format(string kind, string path, RuleInfo rule, Violation violation)
        => $"{kind} '{path}': {violation.Subject} {violation.Problem}. {violation.Fix} [{rule.QualifiedId}]";
}
