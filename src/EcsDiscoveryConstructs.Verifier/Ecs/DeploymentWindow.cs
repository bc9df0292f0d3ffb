namespace EcsDiscoveryConstructs.Verifier.Ecs;

/// <summary>
/// How many tasks an ECS service may run (and so register) right now, from its deployment state: in steady state exactly
/// its desired count; while a deployment is in progress anything ECS may run, from the desired count times
/// minimumHealthyPercent rounded up to the desired count times maximumPercent rounded down; and whether the latest
/// deployment failed or was rolled back, naming it.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html (the lower limit "rounded up
/// to the nearest integer", the upper "rounded down"; defaults 100 and 200 for rolling updates);
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html (status PRIMARY, ACTIVE, INACTIVE;
/// rolloutState COMPLETED, FAILED, IN_PROGRESS);
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html (status PENDING, SUCCESSFUL, STOPPED,
/// STOP_REQUESTED, IN_PROGRESS, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED).
/// </remarks>
/// <param name="InProgress">True while a deployment is under way (instances of two revisions may be registered).</param>
/// <param name="MinTasks">The fewest tasks ECS may run now.</param>
/// <param name="MaxTasks">The most tasks ECS may run now.</param>
/// <param name="Description">What ECS is doing, for a result's message, e.g. <c>deployment ecs-svc/2 in progress (2 of 2 running)</c>.</param>
/// <param name="Failure">The failed or rolled-back deployment and why, or null.</param>
internal sealed record DeploymentWindow(bool InProgress, int MinTasks, int MaxTasks, string Description, string? Failure)
{
    private static readonly string[] UnfinishedServiceDeployment = ["PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"];

    /// <summary>The window of <paramref name="service"/>, with its latest service deployment when ECS gave one.</summary>
    public static DeploymentWindow Of(EcsService service, EcsServiceDeployment? latest = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var desired = Math.Max(0, service.DesiredCount);
        var primary = service.Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
        var failed = service.Deployments.FirstOrDefault(d => d.RolloutState == "FAILED");
        var failure = failed is not null
            ? $"deployment {failed.Id ?? "?"} ({failed.TaskDefinition ?? "?"}) FAILED{Reason(failed.RolloutStateReason)}"
            : latest?.Status is "ROLLBACK_SUCCESSFUL" or "ROLLBACK_FAILED" or "ROLLBACK_IN_PROGRESS" or "ROLLBACK_REQUESTED"
                ? $"service deployment {latest.Arn} {latest.Status}{Reason(latest.StatusReason)}"
                : null;
        var inProgress = service.Deployments.Count > 1
            || service.Deployments.Any(d => d.RolloutState == "IN_PROGRESS")
            || (latest?.Status is { } status && UnfinishedServiceDeployment.Contains(status));
        if (!inProgress)
        {
            return new DeploymentWindow(false, desired, desired, $"steady: {service.RunningCount} of {desired} running", failure);
        }

        var revisions = string.Join(", ", service.Deployments.Select(d => $"{d.Id ?? "?"} {d.Status ?? "?"} {d.RunningCount}/{d.DesiredCount}"));
        var what = latest?.Status is { } unfinished && UnfinishedServiceDeployment.Contains(unfinished)
            ? $"service deployment {latest.Arn} {unfinished}{Reason(latest.StatusReason)}"
            : $"deployment {primary?.Id ?? "?"} in progress";
        if (service.Strategy is "BLUE_GREEN" or "LINEAR" or "CANARY")
        {
            // The green revision scales to the full desired count beside blue, and both run until the bake ends; blue
            // keeps its tasks throughout (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html).
            var both = (int)Math.Min(int.MaxValue, 2L * desired);
            var bake = service.BakeTimeInMinutes is { } minutes ? $", bake {minutes} min" : string.Empty;
            return new DeploymentWindow(true, desired, both, $"{service.Strategy} {what} ({revisions}{bake}): both revisions may run, {desired}-{both} tasks", failure);
        }

        // ECS's own rounding of the deployment limits (integer arithmetic: no floating-point error at any count).
        var minPercent = Math.Clamp(service.MinimumHealthyPercent ?? 100, 0, 100);
        var maxPercent = Math.Max(service.MaximumPercent ?? 200, 100);
        var min = (int)(((long)desired * minPercent + 99) / 100);
        var max = (int)Math.Min(int.MaxValue, (long)desired * maxPercent / 100);
        return new DeploymentWindow(true, min, max, $"{what} ({revisions}): {min}-{max} tasks may run", failure);
    }

    /// <summary>ECS's reason on one line (a newline in a server's text would break a report's rows).</summary>
    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {Redaction.Redactor.Shown(reason)}";
}
