using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the discoverable-service rules read: the props as given, the plan with every default resolved, and the Exec settings when Exec is on.</summary>
internal sealed record FargateServiceSpec(DiscoverableFargateServiceProps Props, DiscoveryPlan Plan, ExecOptions? Exec = null)
{
    /// <summary>The lifecycle hooks to check: those of the props, or the one <c>AddLifecycleHook</c> adds.</summary>
    public IReadOnlyList<LambdaLifecycleHook> Hooks { get; init; } = Props.LifecycleHooks ?? [];

    /// <summary>The position of the first of <see cref="Hooks"/> among the service's hooks (for messages).</summary>
    public int HookOffset { get; init; }

    /// <summary>True when only a hook added after creation is checked (the other props were checked when the service was created).</summary>
    public bool HookAdded { get; init; }
}
