using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// Makes an existing namespace (created by this library or imported) the default Cloud Map namespace of a cluster:
/// ECS uses it for Service Connect when a service names none (<c>ServiceConnectDefaults.Namespace</c>), and this
/// library registers <see cref="CloudMapRegistrationOptions"/>s without a target there. The CDK L2 of Amazon.CDK.Lib
/// 2.160.0 can only create a new default namespace (<c>AddDefaultCloudMapNamespace</c>); this sets the cluster's
/// CloudFormation property directly.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-cluster-serviceconnectdefaults.html</remarks>
public static class ClusterDefaultNamespace
{
    /// <summary>Sets <paramref name="ns"/> as <paramref name="cluster"/>'s default namespace; call it before creating the cluster's services.</summary>
    /// <exception cref="DiscoveryValidationException">The cluster already has a default namespace, or a private DNS namespace is in another VPC.</exception>
    public static void Set(Cluster cluster, IDiscoveryNamespace ns)
    {
        if (cluster is null)
        {
            RequiredProps.CheckAt("ClusterDefaultNamespace.Set", ns?.DisplayPath ?? "(no namespace)", ("cluster", cluster), ("namespace", ns));
        }

        RequiredProps.Check(cluster!, "Cluster", ("namespace", ns));
        RuleRunner.Apply(cluster!, "Cluster", new ClusterDefaultSpec(cluster!, ns!, ClusterNamespaces.DefaultOf(cluster!), ClusterFacts.VpcOf(cluster!)), RuleCatalog.ClusterDefaultRules);
        EcsOverrides.SetServiceConnectDefaultNamespace((CfnCluster)cluster!.Node.DefaultChild!, ns!.NamespaceArn);
        ClusterNamespaces.Choose(cluster, ns);
        SynthChecks.For(cluster).Add(() => SecondDefault(cluster, ns));
    }

    /// <summary>
    /// The CDK's <c>AddDefaultCloudMapNamespace</c> called after <see cref="Set"/> creates a second namespace, where plain
    /// CDK services would register while this library's use the first: refused when the app is synthesized.
    /// </summary>
    private static IEnumerable<string> SecondDefault(Cluster cluster, IDiscoveryNamespace chosen)
    {
        if (cluster.DefaultCloudMapNamespace is { } added)
        {
            var label = NamespaceSetup.Label(chosen.NamespaceName, chosen.DisplayPath);
            yield return RuleRunner.Format("Cluster", cluster.Node.Path, Validation.Rules.ClusterDefaultNamespaceRule.Metadata, new Violation(
                $"default namespace '{label}'",
                $"was set by ClusterDefaultNamespace.Set, and AddDefaultCloudMapNamespace then created a second one, '{added.NamespaceName}': plain CDK services would register there, this library's services in '{label}'",
                "Set the default once: drop the AddDefaultCloudMapNamespace call (or the Set call)."));
        }
    }
}
