using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>SRV registration names a container and one of its mapped ports.</summary>
internal sealed class SrvTarget : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "srv-target",
        RuleLevel.Error,
        "With SRV records, CloudMap.ContainerName and ContainerPort name a container of the task and a port mapped on it (they may be left out only when the task has one container with one port).",
        "CDK falls back to the default container's port when containerPort is missing, which may not be mapped on the chosen container; ECS then registers a port nothing listens on.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var plan = subject.Plan;
        var cm = plan.CloudMap;
        if (cm is null || !plan.CloudMapRecords.HasFlag(DiscoveryRecordTypes.Srv))
        {
            yield break;
        }

        var ports = plan.Task.DescribePorts();
        if (cm.ContainerName is { } name && plan.Task.FindContainer(name) is null)
        {
            yield return new Violation($"CloudMap.ContainerName '{name}'", $"is not a container of the task (containers: {ports})", "Name the container whose port SRV records should carry.");
        }
        else if (cm.ContainerName is { } named && cm.ContainerPort is { } port && plan.Task.FindContainer(named)!.Ports.All(p => p.ContainerPort != port))
        {
            yield return new Violation($"CloudMap.ContainerPort {port}", $"is not mapped on container '{named}' (containers: {ports})", "Use a port from the container's port mappings, or add the mapping.");
        }
        else if (plan.RegistryTarget is null)
        {
            var given = $"CloudMap.ContainerName {(cm.ContainerName is null ? "(not set)" : $"'{cm.ContainerName}'")} and ContainerPort {(cm.ContainerPort is null ? "(not set)" : cm.ContainerPort.ToString())}";
            yield return new Violation(given, $"do not pick one container and port for SRV records: the task's container and port are ambiguous (containers: {ports})", "Set both, e.g. ContainerName = \"app\", ContainerPort = 8080.");
        }
    }
}
