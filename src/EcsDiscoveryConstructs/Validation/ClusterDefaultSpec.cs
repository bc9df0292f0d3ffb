using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the cluster-default rules read: the namespace to make the default, the one the cluster has, its VPC.</summary>
internal sealed record ClusterDefaultSpec(ICluster Cluster, IDiscoveryNamespace Namespace, IDiscoveryNamespace? Current, IVpc ClusterVpc);
