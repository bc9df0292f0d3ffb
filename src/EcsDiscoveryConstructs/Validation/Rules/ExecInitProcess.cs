namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Warns when Exec sessions would run without an init process.</summary>
internal sealed class ExecInitProcess : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "exec-init-process",
        RuleLevel.Warning,
        "With Exec on, a container without linuxParameters.initProcessEnabled.",
        "Processes started by Exec sessions are not reaped and linger as zombies without an init process (exec-checker check 16).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Exec is not { } exec)
        {
            yield break;
        }

        var createdByService = subject.Props.TaskDefinition is null;
        foreach (var container in subject.Plan.Task.Containers.Where(c => !c.InitProcessEnabled && !(exec.EnableInitProcess && createdByService)))
        {
            yield return new Violation(
                $"Container '{container.Name}' (no init process)",
                "runs Exec sessions without an init process, so their child processes are never reaped",
                createdByService
                    ? "Set Exec = new ExecOptions { EnableInitProcess = true }, or acknowledge this warning."
                    : "Create the container with LinuxParameters that set InitProcessEnabled = true, or acknowledge this warning.");
        }
    }
}
