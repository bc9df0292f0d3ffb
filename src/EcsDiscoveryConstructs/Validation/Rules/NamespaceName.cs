using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Namespace names must match the format Cloud Map accepts for the namespace type.</summary>
internal sealed class NamespaceName : IPropsRule<NamespaceSpec>
{
    public RuleInfo Info => new(
        "namespace-name",
        RuleLevel.Error,
        "Namespace name format and length per type: DNS names of at most 253 characters for private and public DNS, 1-1024 printable ASCII characters for HTTP.",
        "CreatePrivateDnsNamespace / CreatePublicDnsNamespace / CreateHttpNamespace reject other names after CloudFormation has started the deploy.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html" };

    public IEnumerable<Violation> Check(NamespaceSpec subject)
    {
        if (!TokenGuard.IsConcrete(subject.Name))
        {
            yield break;
        }

        var name = subject.Name!;
        var problem = subject.Type == NamespaceType.HTTP ? NameFormats.HttpNamespaceProblem(name) : NameFormats.DnsNamespaceProblem(name);
        if (problem is not null)
        {
            yield return new Violation($"Name '{name}'", problem, subject.Type == NamespaceType.HTTP
                ? "Use a short name such as 'internal-api'."
                : "Use a domain such as 'internal.example.com'.");
        }
    }
}
