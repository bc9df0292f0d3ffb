using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.ECS;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// The ECS service names the app puts into one cluster; one instance per cluster (imports of one cluster name share
/// it), attached to the cluster's construct. The rules over them (<see cref="RuleCatalog.ClusterRules"/>) are judged
/// when the app is synthesized.
/// </summary>
internal sealed class ClusterServiceNames : DeputyBase, IValidation
{
    private static readonly ConditionalWeakTable<ICluster, ClusterServiceNames> ByCluster = [];
    private readonly List<(UsageOwner Owner, string Name)> names = [];
    private readonly string label;

    private ClusterServiceNames(ICluster cluster, string label)
    {
        this.label = label;
        cluster.Node.AddValidation(this);
    }

    /// <summary>Records that <paramref name="owner"/> runs an ECS service named <paramref name="name"/> in <paramref name="cluster"/>.</summary>
    public static void Add(ICluster cluster, IConstruct owner, string name)
    {
        if (TokenGuard.IsConcrete(name))
        {
            ByCluster.GetValue(cluster, For).names.Add((new UsageOwner(owner), name));
        }
    }

    /// <summary>The record of <paramref name="cluster"/>, shared with every import of the same concrete cluster name in the app.</summary>
    private static ClusterServiceNames For(ICluster cluster)
    {
        var clusterName = cluster.ClusterName;
        var identity = TokenGuard.IsConcrete(clusterName) ? "cluster:" + clusterName : null;
        return AppUsage.For(cluster).Shared(identity ?? (object)cluster, () => new ClusterServiceNames(cluster, identity is null ? cluster.Node.Path : clusterName));
    }

    /// <inheritdoc />
    public string[] Validate()
        => AppRules.Errors(new ClusterContents(label, names), RuleCatalog.ClusterRules).ToArray();
}
