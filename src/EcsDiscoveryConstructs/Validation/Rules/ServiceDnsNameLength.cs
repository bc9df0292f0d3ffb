namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The DNS name a service answers on, <c>name.namespace</c>, fits in 253 characters.</summary>
internal sealed class ServiceDnsNameLength : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "service-dns-name-length",
        RuleLevel.Error,
        "For DNS discovery, '<service>.<namespace>' has at most 253 characters.",
        "Route 53 cannot create records for longer names; both parts may be valid on their own.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (!subject.UsesDns || !TokenGuard.IsConcrete(subject.Name) || !TokenGuard.IsConcrete(subject.NamespaceName))
        {
            yield break;
        }

        var fqdn = $"{subject.Name}.{subject.NamespaceName}";
        if (fqdn.Length > NameFormats.MaxFqdnLength)
        {
            yield return new Violation(
                $"Name '{subject.Name}'",
                $"makes the DNS name '{fqdn}' {fqdn.Length} characters long: DNS names have at most {NameFormats.MaxFqdnLength}",
                "Shorten the service name or the namespace name.");
        }
    }
}
