using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A DNS-discoverable service in a private DNS namespace another account shared.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html (see <see cref="NamespaceShareDns"/>).</remarks>
internal sealed class SharedNamespaceDns : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "shared-namespace-dns",
        RuleLevel.Warning,
        "A DNS-discoverable service in a private DNS namespace shared by another account.",
        "Its records live in the owner's hosted zone: this account's VPCs resolve them only after the owner authorizes and this account associates each VPC with that zone (no CloudFormation resource does it).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.NamespaceSharedBy is { } owner && subject.NamespaceType == NamespaceType.DNS_PRIVATE && subject.UsesDns)
        {
            yield return new Violation(
                $"Namespace '{subject.NamespaceName}'",
                $"is shared by account {owner}: DNS clients in this account's VPCs resolve '{subject.Name}' only once each VPC is associated with the namespace's hosted zone",
                $"Have account {owner} run 'aws route53 create-vpc-association-authorization' and this account 'aws route53 associate-vpc-with-hosted-zone' per VPC (docs/shared-namespaces.md), use Discovery = DiscoveryType.API, or acknowledge this warning.");
        }
    }
}
