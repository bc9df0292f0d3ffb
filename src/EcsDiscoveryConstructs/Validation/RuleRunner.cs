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
        => Report(construct, kind, Findings(subject, rules));

    /// <summary>Every violation of <paramref name="rules"/> against <paramref name="subject"/>, with its rule, in rule order.</summary>
    public static IEnumerable<Finding> Findings<TSubject>(TSubject subject, IEnumerable<IPropsRule<TSubject>> rules)
        => rules.SelectMany(rule => rule.Check(subject).Select(violation => new Finding(rule.Info, violation)));

    /// <summary>
    /// Reports <paramref name="findings"/> on <paramref name="construct"/>: throws one <see cref="DiscoveryValidationException"/>
    /// listing every error, and adds each warning with <c>Annotations.AddWarningV2</c> under the rule's qualified id.
    /// </summary>
    public static void Report(IConstruct construct, string kind, IEnumerable<Finding> findings)
    {
        string? path = null;
        var errors = new List<string>();
        foreach (var (rule, violation) in findings)
        {
            path ??= construct.Node.Path;
            var message = Format(kind, path, rule, violation);
            if (rule.Level == RuleLevel.Error)
            {
                errors.Add(message);
            }
            else
            {
                Annotations.Of(construct).AddWarningV2(rule.QualifiedId, message);
            }
        }

        if (errors.Count > 0)
        {
            throw new DiscoveryValidationException(kind, path!, errors);
        }
    }

    /// <summary>Formats one finding: <c>Kind 'path': Subject Problem. Fix [ecs-discovery:id]</c>.</summary>
    public static string Format(string kind, string path, RuleInfo rule, Violation violation)
        => $"{kind} '{path}': {violation.AsWritten} {violation.Problem}. {violation.Fix} [{rule.QualifiedId}]";
}

/// <summary>One violation of one rule.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Violation">What it found.</param>
internal sealed record Finding(RuleInfo Rule, Violation Violation);
