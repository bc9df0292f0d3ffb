namespace EcsDiscoveryConstructs.Services;

/// <summary>A VPC Lattice target group ECS registers the service's tasks in, on the port of one named port mapping.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VpcLatticeConfiguration.html</remarks>
public sealed class VpcLatticeTarget
{
    /// <summary>The ARN of the target group (type IP), e.g. <c>CfnTargetGroup.AttrArn</c>.</summary>
    public required string TargetGroupArn { get; init; }

    /// <summary>The name of a port mapping of the service's task definition; its container port is registered.</summary>
    public required string PortName { get; init; }
}
