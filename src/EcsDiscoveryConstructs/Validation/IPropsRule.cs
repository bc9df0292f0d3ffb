namespace EcsDiscoveryConstructs.Validation;

/// <summary>A rule evaluated eagerly against the props of one construct, described by a <typeparamref name="TSubject"/>.</summary>
/// <typeparam name="TSubject">The normalised view of the props the rule reads.</typeparam>
internal interface IPropsRule<in TSubject>
{
    /// <summary>The rule's id, level and documentation.</summary>
    RuleInfo Info { get; }

    /// <summary>Returns every violation of this rule; unresolved tokens are skipped, never guessed.</summary>
    IEnumerable<Violation> Check(TSubject subject);
}
