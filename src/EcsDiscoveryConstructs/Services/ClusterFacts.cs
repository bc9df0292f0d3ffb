using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// What never changes about a cluster, read from the CDK once per cluster rather than once per service: every read
/// is a round trip to the CDK's JavaScript, and a cluster's VPC is fixed when it is created.
/// </summary>
internal static class ClusterFacts
{
    private static readonly ConditionalWeakTable<ICluster, IVpc> Vpcs = [];

    /// <summary>The cluster's VPC.</summary>
    public static IVpc VpcOf(ICluster cluster) => Vpcs.GetValue(cluster, c => c.Vpc);
}
