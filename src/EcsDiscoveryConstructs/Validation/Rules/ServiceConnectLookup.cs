namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A lookup of a Service Connect service names one of the service's endpoints.</summary>
internal sealed class ServiceConnectLookup : IPropsRule<ServiceConnectLookupSpec>
{
    public RuleInfo Info => new(
        "service-connect-lookup",
        RuleLevel.Error,
        "ServiceConnectService(name) names the effective discovery name of one of the service's Service Connect endpoints.",
        "A policy or API call about a Cloud Map service ECS never creates grants nothing and finds nothing, silently.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html" };

    public IEnumerable<Violation> Check(ServiceConnectLookupSpec subject)
    {
        if (subject.Known.Contains(subject.Requested, StringComparer.Ordinal))
        {
            yield break;
        }

        var known = subject.Known.Count == 0 ? "the service has no Service Connect endpoints" : $"its endpoints' discovery names are {string.Join(", ", subject.Known.Select(k => $"'{k}'"))}";
        yield return new Violation(
            $"ServiceConnectService('{subject.Requested}')",
            $"names no Cloud Map service ECS creates for this service: {known}",
            subject.Known.Count == 0 ? "Add ServiceConnect endpoints, or look the name up on the service that serves it." : $"Use one of them, e.g. ServiceConnectService(\"{subject.Known[0]}\").");
    }
}
