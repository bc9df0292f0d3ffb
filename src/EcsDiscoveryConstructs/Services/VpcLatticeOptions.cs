using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.Services;

/// <summary>VPC Lattice registration of a service: its target groups and the infrastructure role ECS uses to manage them.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-vpc-lattice.html</remarks>
public sealed class VpcLatticeOptions
{
    /// <summary>The target groups, at least one.</summary>
    public required VpcLatticeTarget[] Targets { get; init; }

    /// <summary>The infrastructure role ECS assumes to register targets; it must trust <c>ecs.amazonaws.com</c>.</summary>
    /// <value>Default: a role trusted by <c>ecs.amazonaws.com</c> with the managed policy <c>AmazonECSInfrastructureRolePolicyForVpcLattice</c>.</value>
    public IRole? InfrastructureRole { get; init; }
}
