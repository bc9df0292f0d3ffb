using Amazon.CDK;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// The ECS deployment strategy of a service, with the settings of its kind: <see cref="Rolling"/> (the default),
/// <see cref="BlueGreen"/>, <see cref="Linear"/> or <see cref="Canary"/>. Traffic shifting needs a traffic path ECS
/// manages (Service Connect, a load balancer or VPC Lattice); a service discovered only through Cloud Map DNS gets none.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html
/// </remarks>
public sealed class ServiceDeploymentStrategy
{
    /// <summary>The bake time used when none is given: both revisions run this long after production traffic has moved.</summary>
    public static readonly Duration DefaultBakeTime = Duration.Minutes(15);

    private ServiceDeploymentStrategy(DeploymentStrategyKind kind, Duration? bakeTime, double? percent, Duration? stepBakeTime)
    {
        Kind = kind;
        BakeTime = bakeTime;
        Percent = percent;
        StepBakeTime = stepBakeTime;
    }

    /// <summary>The kind of deployment.</summary>
    public DeploymentStrategyKind Kind { get; }

    /// <summary>How long both revisions keep running after production traffic has moved (whole minutes, 0-1,440); null for rolling.</summary>
    public Duration? BakeTime { get; }

    /// <summary>The linear step or canary share of production traffic in percent (multiples of 0.1); null for rolling and blue/green.</summary>
    public double? Percent { get; }

    /// <summary>The wait between linear steps, or after the canary share (whole minutes, 0-1,440); null for rolling and blue/green.</summary>
    public Duration? StepBakeTime { get; }

    /// <summary>A rolling update (ECS's default), bounded by the service's healthy percents and watched by its circuit breaker.</summary>
    public static ServiceDeploymentStrategy Rolling() => new(DeploymentStrategyKind.Rolling, null, null, null);

    /// <summary>Blue/green: the new revision takes test traffic, then all production traffic at once.</summary>
    /// <param name="bakeTime">How long both revisions run after the shift, in whole minutes 0-1,440. Default: <see cref="DefaultBakeTime"/>.</param>
    public static ServiceDeploymentStrategy BlueGreen(Duration? bakeTime = null)
        => new(DeploymentStrategyKind.BlueGreen, bakeTime ?? DefaultBakeTime, null, null);

    /// <summary>Linear: production traffic moves in equal steps.</summary>
    /// <param name="stepPercent">The share moved per step: a multiple of 0.1 from 3.0 to 100.0 (ECS's default 10.0).</param>
    /// <param name="stepBakeTime">The wait between steps, whole minutes 0-1,440. Default: ECS's (6 minutes).</param>
    /// <param name="bakeTime">How long both revisions run after the last step, whole minutes 0-1,440. Default: <see cref="DefaultBakeTime"/>.</param>
    public static ServiceDeploymentStrategy Linear(double stepPercent = 10.0, Duration? stepBakeTime = null, Duration? bakeTime = null)
        => new(DeploymentStrategyKind.Linear, bakeTime ?? DefaultBakeTime, stepPercent, stepBakeTime);

    /// <summary>Canary: a share of production traffic moves first, the rest after a bake.</summary>
    /// <param name="canaryPercent">The first share: a multiple of 0.1 from 0.1 to 100.0 (ECS's default 5.0).</param>
    /// <param name="canaryBakeTime">The wait before the rest moves, whole minutes 0-1,440. Default: ECS's (10 minutes).</param>
    /// <param name="bakeTime">How long both revisions run after the rest has moved, whole minutes 0-1,440. Default: <see cref="DefaultBakeTime"/>.</param>
    public static ServiceDeploymentStrategy Canary(double canaryPercent = 5.0, Duration? canaryBakeTime = null, Duration? bakeTime = null)
        => new(DeploymentStrategyKind.Canary, bakeTime ?? DefaultBakeTime, canaryPercent, canaryBakeTime);

    /// <summary>True for blue/green, linear and canary: two revisions run side by side and ECS shifts traffic between them.</summary>
    public bool ShiftsTraffic => Kind != DeploymentStrategyKind.Rolling;

    /// <summary>The value ECS takes in <c>deploymentConfiguration.strategy</c>.</summary>
    internal string ApiValue => Kind switch
    {
        DeploymentStrategyKind.BlueGreen => "BLUE_GREEN",
        DeploymentStrategyKind.Linear => "LINEAR",
        DeploymentStrategyKind.Canary => "CANARY",
        _ => "ROLLING",
    };
}
