namespace EcsDiscoveryConstructs.Services;

/// <summary>How ECS replaces a service's tasks (<c>deploymentConfiguration.strategy</c>).</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html</remarks>
public enum DeploymentStrategyKind
{
    /// <summary>Rolling update: old tasks are replaced in place within the healthy-percent bounds.</summary>
    Rolling,

    /// <summary>Blue/green: the new revision starts beside the old one, takes test traffic, then all production traffic at once.</summary>
    BlueGreen,

    /// <summary>Linear: production traffic moves to the new revision in equal steps with a bake between steps.</summary>
    Linear,

    /// <summary>Canary: a share of production traffic moves first, the rest after a bake.</summary>
    Canary,
}
