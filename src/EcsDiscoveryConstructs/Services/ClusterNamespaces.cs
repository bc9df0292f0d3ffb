using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Services;

/// <summary>Wraps a cluster's default Cloud Map namespace as an <see cref="IDiscoveryNamespace"/>, once per namespace.</summary>
internal static class ClusterNamespaces
{
    private static readonly ConditionalWeakTable<INamespace, IDiscoveryNamespace> Wrapped = [];

    /// <summary>The cluster's default namespace, or null when it has none.</summary>
    public static IDiscoveryNamespace? DefaultOf(ICluster cluster)
        => cluster.DefaultCloudMapNamespace is { } ns ? Wrapped.GetValue(ns, n => new CdkNamespaceAdapter(n)) : null;
}
