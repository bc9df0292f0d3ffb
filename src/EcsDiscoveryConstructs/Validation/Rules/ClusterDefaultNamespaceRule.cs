using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A cluster gets one default namespace, and a private DNS one only from its own VPC.</summary>
internal sealed class ClusterDefaultNamespaceRule : IPropsRule<ClusterDefaultSpec>
{
    /// <summary>The rule's metadata, for the check made when the app is synthesized.</summary>
    public static RuleInfo Metadata => new ClusterDefaultNamespaceRule().Info;

    public RuleInfo Info => new(
        "cluster-default-namespace",
        RuleLevel.Error,
        "ClusterDefaultNamespace.Set: the cluster has no default namespace yet (nor gets one from AddDefaultCloudMapNamespace later), and a private DNS namespace is associated with the cluster's VPC.",
        "A cluster has one ServiceConnectDefaults namespace; tasks in another VPC cannot resolve a private DNS namespace's names.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ClusterServiceConnectDefaultsRequest.html" };

    public IEnumerable<Violation> Check(ClusterDefaultSpec subject)
    {
        if (subject.Current is { } current && !NamespaceSetup.Same(current, subject.Namespace))
        {
            yield return new Violation(
                $"default namespace '{NamespaceSetup.Label(subject.Namespace.NamespaceName, subject.Namespace.DisplayPath)}'",
                $"cannot be set: the cluster already has default namespace '{NamespaceSetup.Label(current.NamespaceName, current.DisplayPath)}'",
                "Set the default once: drop AddDefaultCloudMapNamespace (or the earlier Set call).");
        }

        if (subject.Namespace is { NamespaceType: NamespaceType.DNS_PRIVATE, Vpc: { } vpc } && Vpcs.Differ(vpc, subject.ClusterVpc))
        {
            yield return new Violation(
                $"default namespace '{NamespaceSetup.Label(subject.Namespace.NamespaceName, subject.Namespace.DisplayPath)}'",
                $"is associated with VPC '{Vpcs.Describe(vpc)}', but the cluster runs in VPC '{Vpcs.Describe(subject.ClusterVpc)}': its tasks could not resolve the names",
                "Use a private DNS namespace of the cluster's VPC.");
        }
    }
}
