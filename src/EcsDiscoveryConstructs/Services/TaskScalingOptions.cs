namespace EcsDiscoveryConstructs.Services;

/// <summary>Target-tracking autoscaling of a service's task count.</summary>
public sealed class TaskScalingOptions
{
    /// <summary>Fewest tasks.</summary>
    public required int MinCapacity { get; init; }

    /// <summary>Most tasks; at most 1,000 when the service registers in Cloud Map (instances per service, not adjustable).</summary>
    public required int MaxCapacity { get; init; }

    /// <summary>Average CPU utilization to track, in percent.</summary>
    /// <value>Default: 70.</value>
    public int TargetCpuPercent { get; init; } = 70;
}
