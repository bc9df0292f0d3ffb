namespace EcsDiscoveryConstructs.Services;

/// <summary>A stage of an ECS service deployment at which a lifecycle hook runs.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html</remarks>
public enum LifecycleHookStage
{
    /// <summary>Only when a deployment starts with more than one ACTIVE service revision.</summary>
    ReconcileService,

    /// <summary>The new revision has not started; the old one takes all production traffic.</summary>
    PreScaleUp,

    /// <summary>The new revision has started; no test traffic yet.</summary>
    PostScaleUp,

    /// <summary>Test traffic moves to the new revision.</summary>
    TestTrafficShift,

    /// <summary>The new revision takes all test traffic.</summary>
    PostTestTrafficShift,

    /// <summary>Before production traffic moves (before every step of a linear or canary deployment).</summary>
    PreProductionTrafficShift,

    /// <summary>Production traffic moves to the new revision (at every step of a linear or canary deployment).</summary>
    ProductionTrafficShift,

    /// <summary>All production traffic has moved.</summary>
    PostProductionTrafficShift,
}
