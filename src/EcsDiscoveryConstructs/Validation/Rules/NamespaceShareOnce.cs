namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A namespace has one resource share.</summary>
internal sealed class NamespaceShareOnce : IPropsRule<NamespaceShareSpec>
{
    public RuleInfo Info => new(
        "namespace-share-once",
        RuleLevel.Error,
        "ShareWith is called once per namespace.",
        "One AWS RAM resource share carries every consumer; a second share of the same namespace would need a second construct id and a second permission association for nothing.") { Reference = "https://docs.aws.amazon.com/ram/latest/userguide/working-with-sharing-create.html" };

    public IEnumerable<Violation> Check(NamespaceShareSpec subject)
    {
        if (subject.AlreadyShared)
        {
            yield return new Violation("ShareWith", "was already called for this namespace", "Give every principal in one ShareWith call.");
        }
    }
}
