namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Exec cannot start in a container with a read-only root file system.</summary>
internal sealed class ExecReadonlyRoot : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "exec-readonly-root",
        RuleLevel.Error,
        "With Exec on, no container has ReadonlyRootFilesystem = true.",
        "ECS Exec runs the SSM agent inside the container and it must write there; sessions fail to start (exec-checker check 17).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Exec is null)
        {
            yield break;
        }

        foreach (var container in subject.Plan.Task.Containers.Where(c => c.ReadonlyRootFilesystem))
        {
            yield return new Violation(
                $"Container '{container.Name}' ReadonlyRootFilesystem true",
                "prevents ECS Exec: the SSM agent ECS injects must write to the container's file system",
                "Set ReadonlyRootFilesystem = false on this container, or leave Exec off for this service.");
        }
    }
}
