using Amazon.CDK.AWS.ECS;

namespace EcsDiscoveryConstructs.Services;

/// <summary>One named port of a container, as the discovery rules need it.</summary>
internal sealed record PortShape(string? Name, int ContainerPort, string? AppProtocol);

/// <summary>One container of a task, as the discovery rules need it.</summary>
internal sealed record ContainerShape(string Name, IReadOnlyList<PortShape> Ports, double? StopTimeoutSeconds);

/// <summary>The containers and ports of a task definition, read before or without creating it.</summary>
internal sealed record TaskShape(IReadOnlyList<ContainerShape> Containers, string DefaultContainerName, bool StopTimeoutsKnown)
{
    /// <summary>ECS's default stop timeout: 30 s.</summary>
    public const double DefaultStopTimeoutSeconds = 30;

    public ContainerShape DefaultContainer => Containers.First(c => c.Name == DefaultContainerName);

    /// <summary>The longest time ECS waits for a container to stop after deregistering the task.</summary>
    public double StopTimeoutSeconds => Containers.Max(c => c.StopTimeoutSeconds ?? DefaultStopTimeoutSeconds);

    public ContainerShape? FindContainer(string name) => Containers.FirstOrDefault(c => c.Name == name);

    /// <summary>Finds a named port mapping in any container, with its container.</summary>
    public (ContainerShape Container, PortShape Port)? FindPortMapping(string name)
        => Containers.SelectMany(c => c.Ports.Where(p => p.Name == name).Select(p => (c, p))).Cast<(ContainerShape, PortShape)?>().FirstOrDefault();

    /// <summary>The shape of a task built from one container's options.</summary>
    public static TaskShape FromOptions(ContainerDefinitionOptions options, string defaultName)
    {
        var name = options.ContainerName ?? defaultName;
        return new TaskShape([new ContainerShape(name, Ports(options.PortMappings), options.StopTimeout?.ToSeconds())], name, StopTimeoutsKnown: true);
    }

    /// <summary>The shape of an existing task definition: its default container and the containers named in <paramref name="names"/>.</summary>
    public static TaskShape FromTaskDefinition(TaskDefinition taskDefinition, IEnumerable<string> names)
    {
        var containers = new List<ContainerShape>();
        var defaultContainer = taskDefinition.DefaultContainer;
        foreach (var container in new[] { defaultContainer }.Concat(names.Distinct().Select(taskDefinition.FindContainer)))
        {
            if (container is not null && containers.All(c => c.Name != container.ContainerName))
            {
                containers.Add(new ContainerShape(container.ContainerName, Ports(container.PortMappings), null));
            }
        }

        return new TaskShape(containers, defaultContainer?.ContainerName ?? string.Empty, StopTimeoutsKnown: false);
    }

    private static List<PortShape> Ports(IPortMapping[]? mappings)
        => (mappings ?? []).Select(m => new PortShape(m.Name, (int)m.ContainerPort, m.AppProtocol?.Value)).ToList();
}
