namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns that with a shared process namespace Exec reaches only one container.</summary>
internal sealed class ExecPidModeTask : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "exec-pid-mode-task",
        RuleLevel.Warning,
        "With Exec on, a task definition with pidMode 'task'.",
        "With a shared process namespace only one SSM agent runs, so Exec works in only one of the containers (exec-checker check 21).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Exec is not null && subject.Plan.Task.PidModeTask)
        {
            yield return new Violation(
                "TaskDefinition PidMode TASK",
                "shares one process namespace between the containers, so ECS Exec works in only one of them",
                "Drop PidMode unless the containers must see each other's processes, or acknowledge this warning.");
        }
    }
}
