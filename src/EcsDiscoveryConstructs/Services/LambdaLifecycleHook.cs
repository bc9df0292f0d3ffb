using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// A Lambda function ECS invokes at deployment stages; it answers <c>hookStatus</c> SUCCEEDED, FAILED (roll back) or
/// IN_PROGRESS (ask again).
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-permissions.html
/// </remarks>
public sealed class LambdaLifecycleHook
{
    /// <summary>The function ECS invokes.</summary>
    public required IFunction Function { get; init; }

    /// <summary>The stages to run at: at least one, each once.</summary>
    public required LifecycleHookStage[] Stages { get; init; }

    /// <summary>The role ECS assumes to invoke the function; it must trust <c>ecs.amazonaws.com</c>.</summary>
    /// <value>Default: one role per service, trusted by <c>ecs.amazonaws.com</c>, allowed <c>lambda:InvokeFunction</c> on exactly the hook functions.</value>
    public IRole? Role { get; init; }

    /// <summary>Parameters ECS passes to the function on each invocation (a JSON object).</summary>
    /// <value>Default: none.</value>
    public IDictionary<string, object>? Details { get; init; }
}
