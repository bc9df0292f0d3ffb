using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// Makes an existing namespace (created by this library or imported) the default Cloud Map namespace of a cluster:
/// this library registers <see cref="CloudMapRegistrationOptions"/>s without a target there and gives it to Service
/// Connect services that name none (as the CDK L2 does with the cluster's default), and, unless
/// <see cref="ClusterDefaultNamespaceOptions.UseForServiceConnect"/> is false, it becomes the cluster's
/// <c>ServiceConnectDefaults.Namespace</c>, which ECS uses for services created outside the app. The CDK L2 of
/// Amazon.CDK.Lib 2.160.0 can only create a new default namespace (<c>AddDefaultCloudMapNamespace</c>); this sets the
/// cluster's CloudFormation property directly.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-cluster-serviceconnectdefaults.html</remarks>
public static class ClusterDefaultNamespace
{
    /// <summary>Sets <paramref name="ns"/> as <paramref name="cluster"/>'s default namespace; call it before creating the cluster's services.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="ns">The namespace.</param>
    /// <param name="options">Whether it is also the cluster's Service Connect default (default: yes; the CDK's <c>AddDefaultCloudMapNamespace</c> defaults to no).</param>
    /// <exception cref="DiscoveryValidationException">The cluster already has a default namespace, or a private DNS namespace is in another VPC.</exception>
    public static void Set(Cluster cluster, IDiscoveryNamespace ns, ClusterDefaultNamespaceOptions? options = null)
    {
        if (cluster is null)
        {
            RequiredProps.CheckAt("ClusterDefaultNamespace.Set", ns?.DisplayPath ?? "(no namespace)", ("cluster", cluster), ("namespace", ns));
        }

        RequiredProps.Check(cluster!, "Cluster", ("namespace", ns));
        RuleRunner.Apply(cluster!, "Cluster", new ClusterDefaultSpec(cluster!, ns!, ClusterNamespaces.DefaultOf(cluster!), ClusterFacts.VpcOf(cluster!)), RuleCatalog.ClusterDefaultRules);
        if (options?.UseForServiceConnect ?? true)
        {
            EcsOverrides.SetServiceConnectDefaultNamespace((CfnCluster)cluster!.Node.DefaultChild!, ns!.NamespaceArn);
        }

        ClusterNamespaces.Choose(cluster!, ns!);
        SynthChecks.For(cluster!).Add(() => SecondDefault(cluster!, ns!));
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

/// <summary>How <see cref="ClusterDefaultNamespace.Set"/> makes a namespace the cluster's default.</summary>
public sealed class ClusterDefaultNamespaceOptions
{
    /// <summary>
    /// Whether the namespace also becomes the cluster's <c>ServiceConnectDefaults.Namespace</c>, the one ECS gives Service
    /// Connect services that name none when they are created outside this app (the console, the CLI, other tools). This
    /// app's services get the namespace either way: the library writes it into their configuration.
    /// </summary>
    /// <value>Default: true. The CDK's <c>AddDefaultCloudMapNamespace</c> defaults <c>useForServiceConnect</c> to false; set false for a Cloud-Map-only default.</value>
    public bool UseForServiceConnect { get; init; } = true;
}
