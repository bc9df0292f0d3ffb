namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>At most 1,000 tasks per Cloud Map service.</summary>
internal sealed class TaskCountQuota : IPropsRule<FargateServiceSpec>
{
    /// <summary>Cloud Map instances per service: 1,000, not adjustable.</summary>
    public const int InstancesPerService = 1000;

    public RuleInfo Info => new(
        "task-count-quota",
        RuleLevel.Error,
        "DesiredCount and Scaling.MaxCapacity are at most 1,000 for a service registered in Cloud Map or Service Connect (DesiredCount too when autoscaling is on: ECS starts that many tasks on deploy).",
        "Cloud Map allows 1,000 instances per service and the quota cannot be raised: tasks beyond it fail to register and never become discoverable.") { Reference = "https://docs.aws.amazon.com/general/latest/gr/cloud_map.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var plan = subject.Plan;
        if (plan.Registers && plan.MaxTasks > InstancesPerService)
        {
            yield return new Violation($"{plan.MaxTasksProperty} {plan.MaxTasks}", $"is above Cloud Map's {InstancesPerService} instances per service (a quota that cannot be raised)", "Use at most 1000, or split the workload over several services.");
        }
    }
}
