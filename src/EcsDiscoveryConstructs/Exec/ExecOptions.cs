namespace EcsDiscoveryConstructs.Exec;

/// <summary>ECS Exec on a <see cref="Services.DiscoverableFargateService"/>.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html</remarks>
public sealed class ExecOptions
{
    /// <summary>
    /// Runs an init process in the container this construct creates (<c>linuxParameters.initProcessEnabled</c>),
    /// so Exec sessions do not leave zombie processes. Only for a container created from <c>Container</c> without
    /// its own <c>LinuxParameters</c>.
    /// </summary>
    /// <value>Default: false (a warning is reported for containers without an init process).</value>
    public bool EnableInitProcess { get; init; }
}
