namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// A rule over what several constructs put into one shared thing (a namespace, a cluster, a VPC, the app), judged when
/// the app is synthesized from what the state holder collected (<typeparamref name="TSubject"/>); the props rules'
/// counterpart for findings that name more than one construct.
/// </summary>
/// <typeparam name="TSubject">What the state holder collected.</typeparam>
internal interface IAppRule<in TSubject>
{
    /// <summary>The rule's id, level and documentation.</summary>
    RuleInfo Info { get; }

    /// <summary>Returns every finding of this rule; unresolved tokens were never collected.</summary>
    IEnumerable<AppFinding> Check(TSubject subject);
}

/// <summary>One finding of a rule over several constructs.</summary>
/// <param name="Constructs">The constructs it concerns, as the message starts, e.g. <c>DiscoveryService 'App/A' and 'App/B'</c>.</param>
/// <param name="Violation">What is wrong, as for a props rule.</param>
internal sealed record AppFinding(string Constructs, Violation Violation)
{
    /// <summary>The message: <c>Constructs: Subject Problem. Fix [ecs-discovery:id]</c>.</summary>
    public string Format(RuleInfo rule) => $"{Constructs}: {Violation.AsWritten} {Violation.Problem}. {Violation.Fix} [{rule.QualifiedId}]";

    /// <summary>The constructs as a list in quotes: <c>'a' and 'b'</c>.</summary>
    public static string Quoted(IEnumerable<string> paths) => string.Join(" and ", paths.Distinct().Select(p => $"'{p}'"));

    /// <summary>The entries whose value occurs more than once, grouped by value.</summary>
    public static IEnumerable<IGrouping<string, (UsageOwner Owner, string Value)>> Duplicates(IEnumerable<(UsageOwner Owner, string Value)> entries, StringComparer comparer)
        => entries.GroupBy(e => e.Value, comparer).Where(g => g.Count() > 1);

    /// <summary>The owners of a group of entries, in quotes (their paths are read from the CDK here, for the message).</summary>
    public static string Owners(IEnumerable<(UsageOwner Owner, string Value)> group) => Quoted(group.Select(e => e.Owner.ToString()));

    /// <summary>The distinct values of a group of entries, in quotes.</summary>
    public static string Values(IEnumerable<(UsageOwner Owner, string Value)> group) => string.Join(", ", group.Select(e => $"'{e.Value}'").Distinct());
}

/// <summary>Runs cross-construct rules: the messages of their errors, and their warnings added to a construct.</summary>
internal static class AppRules
{
    /// <summary>The error messages of <paramref name="rules"/> against <paramref name="subject"/>, in rule order.</summary>
    public static IEnumerable<string> Errors<TSubject>(TSubject subject, IEnumerable<IAppRule<TSubject>> rules)
        => rules.Where(r => r.Info.Level == RuleLevel.Error).SelectMany(r => r.Check(subject).Select(f => f.Format(r.Info)));

    /// <summary>Adds the warnings of <paramref name="rules"/> against <paramref name="subject"/> to <paramref name="construct"/>; returns how many.</summary>
    public static int Warn<TSubject>(Constructs.IConstruct construct, TSubject subject, IEnumerable<IAppRule<TSubject>> rules)
    {
        var added = 0;
        foreach (var rule in rules.Where(r => r.Info.Level == RuleLevel.Warning))
        {
            foreach (var finding in rule.Check(subject))
            {
                Amazon.CDK.Annotations.Of(construct).AddWarningV2(rule.Info.QualifiedId, finding.Format(rule.Info));
                added++;
            }
        }

        return added;
    }
}
