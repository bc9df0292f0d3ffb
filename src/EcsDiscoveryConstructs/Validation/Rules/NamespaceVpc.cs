using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A private DNS namespace answers only in its own VPC: it must be the service's VPC.</summary>
internal sealed class NamespaceVpc : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "namespace-vpc",
        RuleLevel.Error,
        "A private DNS namespace used by a service is associated with the cluster's VPC.",
        "Its hosted zone resolves only inside that VPC: tasks in another VPC cannot resolve the names (reviewers asked for this check in aws-cdk PR #36812).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var clusterVpc = subject.Props.Cluster is { } cluster ? ClusterFacts.VpcOf(cluster) : null;
        var used = new[] { ("CloudMap", subject.Plan.CloudMapNamespace), ("ServiceConnect", subject.Plan.ServiceConnectNamespace) };
        foreach (var (property, ns) in used.DistinctBy(u => u.Item2))
        {
            if (ns is { NamespaceType: NamespaceType.DNS_PRIVATE, Vpc: { } nsVpc } && clusterVpc is not null && Vpcs.Differ(nsVpc, clusterVpc))
            {
                yield return new Violation(
                    $"{property} namespace '{NamespaceSetup.Label(ns.NamespaceName, ns.DisplayPath)}'",
                    $"is associated with VPC '{Vpcs.Describe(nsVpc)}', but the cluster runs in VPC '{Vpcs.Describe(clusterVpc)}': the tasks could not resolve its names",
                    "Use a namespace created for the cluster's VPC, or run the service in the namespace's VPC.");
            }
        }
    }
}
