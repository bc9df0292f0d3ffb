namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Descriptions of namespaces and services are at most 1,024 characters.</summary>
internal sealed class DescriptionLength : IPropsRule<NamespaceSpec>, IPropsRule<DiscoveryServiceSpec>
{
    /// <summary>Longest description Cloud Map accepts.</summary>
    public const int MaxLength = 1024;

    public RuleInfo Info => new(
        "description-length",
        RuleLevel.Error,
        "Description has at most 1024 characters.",
        "The Cloud Map API rejects longer descriptions (ResourceDescription, max 1024).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<Violation> Check(NamespaceSpec subject) => Check(subject.Description);

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject) => Check(subject.Description);

    private static IEnumerable<Violation> Check(string? description)
    {
        if (TokenGuard.IsConcrete(description) && description!.Length > MaxLength)
        {
            yield return new Violation($"Description ({description.Length} characters)", $"is too long: use at most {MaxLength} characters", "Shorten the description.");
        }
    }
}
