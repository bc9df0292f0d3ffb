using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// What the ECS-registration rules read when a plain CDK ECS service (e.g. an EC2 bridge service) registers in a
/// <c>DiscoveryService</c>: the Cloud Map service, the ECS service's task and network mode, and the target chosen.
/// </summary>
internal sealed record EcsRegistrationSpec(DiscoveryServiceSpec Service, string EcsServicePath, TaskShape Task)
{
    /// <summary>The task definition's network mode when its tasks share the host's address (bridge or host, as ECS names them); null for awsvpc and the rest.</summary>
    public required string? HostNetworkMode { get; init; }

    /// <summary>The container SRV records name; null when none was given.</summary>
    public string? ContainerName { get; init; }

    /// <summary>True when the given container belongs to the ECS service's task definition.</summary>
    public bool ContainerInTask { get; init; } = true;

    /// <summary>The container port SRV records carry; null when none was given.</summary>
    public int? ContainerPort { get; init; }

    /// <summary>True when the ECS service already has a service registry (ECS takes one per service).</summary>
    public bool AlreadyRegistered { get; init; }

    /// <summary>A description of the private namespace's VPC when it differs from the cluster's; null when they match or are unknown.</summary>
    public string? VpcMismatch { get; init; }

    /// <summary>The container and port the registry names, resolved as ECS needs them; null when ambiguous or not needed.</summary>
    public (string Container, int Port)? Target
        => ContainerInTask && Task.PickTarget(ContainerName, ContainerPort) is { } target && target.Container.Ports.Any(p => p.ContainerPort == target.Port)
            ? (target.Container.Name, target.Port)
            : null;
}
