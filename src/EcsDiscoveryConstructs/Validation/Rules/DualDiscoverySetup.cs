using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Dual discovery needs Service Connect endpoints and a DNS namespace.</summary>
internal sealed class DualDiscoverySetup : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "dual-discovery-setup",
        RuleLevel.Error,
        "DualDiscovery has ServiceConnect endpoints and a DNS namespace for the Cloud Map side (the Service Connect namespace, or CloudMap's).",
        "The DNS half needs a Route 53 zone: an HTTP namespace has none, and without endpoints there is nothing to discover.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (!subject.Props.DualDiscovery)
        {
            yield break;
        }

        if (subject.Plan.Endpoints.Count == 0)
        {
            yield return new Violation("DualDiscovery true", "needs ServiceConnect with at least one endpoint", "Add ServiceConnect.Endpoints, or turn DualDiscovery off.");
        }
        else if (subject.Plan.CloudMap is null || subject.Plan.CloudMapNamespace?.NamespaceType == NamespaceType.HTTP)
        {
            yield return new Violation(
                "DualDiscovery true",
                "needs a DNS namespace for the Cloud Map service, but the Service Connect namespace is an HTTP namespace (or none)",
                "Use a private DNS namespace for ServiceConnect.Namespace, or set CloudMap = new CloudMapRegistrationOptions { Namespace = privateDnsNamespace }.");
        }
    }
}
