using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>Wraps a cluster's default Cloud Map namespace as an <see cref="IDiscoveryNamespace"/>, once per namespace.</summary>
internal static class ClusterNamespaces
{
    private static readonly ConditionalWeakTable<INamespace, IDiscoveryNamespace> Wrapped = [];
    private static readonly ConditionalWeakTable<ICluster, object> Checked = [];
    private static readonly ConditionalWeakTable<ICluster, IDiscoveryNamespace> Chosen = [];

    /// <summary>Records <paramref name="ns"/> as the default namespace of <paramref name="cluster"/> (see <see cref="ClusterDefaultNamespace"/>).</summary>
    public static void Choose(ICluster cluster, IDiscoveryNamespace ns) => Chosen.AddOrUpdate(cluster, ns);

    /// <summary>
    /// Checks the name of the cluster's default namespace once per cluster, when its first service is created: the
    /// namespace is deployed with the cluster whether or not a service uses it, and the CDK does not check the name.
    /// (A default namespace added after that is checked when a service uses it.)
    /// </summary>
    public static void CheckDefault(ICluster cluster) => Checked.GetValue(cluster, c => DefaultOf(c) ?? new object());

    /// <summary>The cluster's default namespace, or null when it has none.</summary>
    public static IDiscoveryNamespace? DefaultOf(ICluster cluster)
        => Chosen.TryGetValue(cluster, out var chosen) ? chosen
            : cluster.DefaultCloudMapNamespace is { } ns ? Wrapped.GetValue(ns, Adapt) : null;

    /// <summary>
    /// Checks the namespace's name like the library's own namespaces (the CDK does not) the first time a service uses it,
    /// and wraps it.
    /// </summary>
    private static CdkNamespaceAdapter Adapt(INamespace ns)
    {
        var type = ns.Type;
        var kind = type switch { NamespaceType.HTTP => "HttpNamespace", NamespaceType.DNS_PUBLIC => "PublicDnsNamespace", _ => "PrivateDnsNamespace" };
        NamespaceSetup.Validate(ns, kind, new NamespaceSpec { Type = type, Name = ns.NamespaceName });
        return new CdkNamespaceAdapter(ns);
    }
}
