using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A private DNS namespace needs the VPC its hosted zone is associated with.</summary>
internal sealed class PrivateNamespaceVpc : IPropsRule<NamespaceSpec>
{
    public RuleInfo Info => new(
        "private-namespace-vpc",
        RuleLevel.Error,
        "A private DNS namespace is created with a VPC.",
        "CreatePrivateDnsNamespace requires Vpc: the private hosted zone is only answered inside that VPC.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html" };

    public IEnumerable<Violation> Check(NamespaceSpec subject)
    {
        if (subject.Type == NamespaceType.DNS_PRIVATE && !subject.IsImport && !subject.HasVpc)
        {
            yield return new Violation("Vpc (not set)", "is required for a private DNS namespace", "Pass the VPC your tasks run in, e.g. Vpc = vpc.");
        }
    }
}
