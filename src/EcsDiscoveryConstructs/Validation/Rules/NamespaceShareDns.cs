using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A shared private DNS namespace answers DNS in a consumer's VPC only after a cross-account VPC association.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html: "For service
/// discovery using DNS queries in a shared private DNS namespace", the owner calls
/// <c>create-vpc-association-authorization</c> for the namespace's hosted zone and each consumer VPC, and the consumer
/// <c>associate-vpc-with-hosted-zone</c>. CloudFormation has no resource for the authorization.
/// </remarks>
internal sealed class NamespaceShareDns : IPropsRule<NamespaceShareSpec>
{
    public RuleInfo Info => new(
        "namespace-share-dns",
        RuleLevel.Warning,
        "A private DNS namespace is shared: consumers' DNS queries need a Route 53 VPC association per consumer VPC.",
        "Service Connect and API discovery work in a shared namespace as soon as the share is accepted; DNS queries from a consumer VPC return NXDOMAIN until the owner authorizes and the consumer associates that VPC with the namespace's hosted zone, which CloudFormation cannot do.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html" };

    public IEnumerable<Violation> Check(NamespaceShareSpec subject)
    {
        if (subject.Type == NamespaceType.DNS_PRIVATE)
        {
            yield return new Violation(
                "ShareWith",
                "shares a private DNS namespace: consumer VPCs resolve its names only once associated with its hosted zone",
                "For each consumer VPC run 'aws route53 create-vpc-association-authorization' in this account and 'aws route53 associate-vpc-with-hosted-zone' in the consumer's (docs/shared-namespaces.md), or acknowledge this warning if consumers use Service Connect or the Cloud Map API only.");
        }
    }
}
