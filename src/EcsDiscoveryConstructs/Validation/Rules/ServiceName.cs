namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service names follow the Cloud Map service-name pattern.</summary>
internal sealed class ServiceName : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "service-name",
        RuleLevel.Error,
        "Service name: 1-127 characters, dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-'; a one-character label is a letter or digit.",
        "CreateService rejects other names (ServiceName pattern in the Cloud Map API model).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.Name is null)
        {
            yield return new Violation("Name (not set)", "is required", "Give the service the name clients will look up, e.g. Name = \"orders\".");
        }
        else if (TokenGuard.IsConcrete(subject.Name) && NameFormats.ServiceNameProblem(subject.Name) is { } problem)
        {
            yield return new Violation($"Name '{subject.Name}'", problem, "Use a DNS-style name such as 'orders' or '_orders._tcp'.");
        }
    }
}
