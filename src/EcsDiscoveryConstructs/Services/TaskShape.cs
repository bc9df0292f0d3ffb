using System.Text.Json.Nodes;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>One named port of a container, as the discovery rules need it.</summary>
internal sealed record PortShape(string? Name, int ContainerPort, string? AppProtocol);

/// <summary>One container of a task, as the discovery and Exec rules need it.</summary>
internal sealed record ContainerShape(string Name, IReadOnlyList<PortShape> Ports, double? StopTimeoutSeconds)
{
    /// <summary>True when the container's root file system is read-only.</summary>
    public bool ReadonlyRootFilesystem { get; init; }

    /// <summary>True when the container runs an init process (<c>linuxParameters.initProcessEnabled</c>).</summary>
    public bool InitProcessEnabled { get; init; }

    /// <summary>Names of environment variables and secrets the container receives.</summary>
    public IReadOnlyList<string> EnvironmentNames { get; init; } = [];
}

/// <summary>The containers and ports of a task definition, read before or without creating it.</summary>
internal sealed record TaskShape(IReadOnlyList<ContainerShape> Containers, string? DefaultContainerName)
{
    /// <summary>True when the task definition shares one process namespace across containers (<c>pidMode: task</c>).</summary>
    public bool PidModeTask { get; init; }

    /// <summary>ECS's default stop timeout: 30 s.</summary>
    public const double DefaultStopTimeoutSeconds = 30;

    /// <summary>The default container (the CDK's first essential one), or null when there is none.</summary>
    public ContainerShape? DefaultContainer => Containers.FirstOrDefault(c => c.Name == DefaultContainerName);

    /// <summary>The longest time ECS waits for a container to stop after deregistering the task.</summary>
    public double StopTimeoutSeconds => Containers.Count == 0 ? DefaultStopTimeoutSeconds : Containers.Max(c => c.StopTimeoutSeconds ?? DefaultStopTimeoutSeconds);

    public ContainerShape? FindContainer(string name) => Containers.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// The container and port SRV records would name: the named container (or the only one) and the given port (or
    /// that container's only one); null when either is ambiguous or missing. The port is not checked to be mapped.
    /// </summary>
    public (ContainerShape Container, int Port)? PickTarget(string? containerName, int? containerPort)
    {
        var container = containerName is { } name ? FindContainer(name) : Containers.Count == 1 ? Containers[0] : null;
        var port = containerPort ?? (container?.Ports.Count == 1 ? container.Ports[0].ContainerPort : null);
        return container is not null && port is not null ? (container, port.Value) : null;
    }

    /// <summary>The containers and their mapped ports, for messages: <c>'app': 8080; 'sidecar': no ports</c>.</summary>
    public string DescribePorts()
        => string.Join("; ", Containers.Select(c => $"'{c.Name}': {(c.Ports.Count == 0 ? "no ports" : string.Join(", ", c.Ports.Select(p => p.ContainerPort)))}"));

    /// <summary>Finds a named port mapping in any container, with its container.</summary>
    public (ContainerShape Container, PortShape Port)? FindPortMapping(string name)
        => Containers.SelectMany(c => c.Ports.Where(p => p.Name == name).Select(p => (c, p))).Cast<(ContainerShape, PortShape)?>().FirstOrDefault();

    /// <summary>The shape of a task built from one container's options.</summary>
    public static TaskShape FromOptions(ContainerDefinitionOptions options, string defaultName)
    {
        var name = options.ContainerName ?? defaultName;
        var container = new ContainerShape(name, Ports(options.PortMappings), options.StopTimeout is { } stop ? TokenGuard.MillisecondsOf(stop) / 1000 : null)
        {
            ReadonlyRootFilesystem = options.ReadonlyRootFilesystem == true,
            InitProcessEnabled = InitProcess(options.LinuxParameters),
            EnvironmentNames = (options.Environment?.Keys ?? []).Concat(options.Secrets?.Keys ?? []).ToList(),
        };
        return new TaskShape([container], name);
    }

    /// <summary>
    /// The shape of a task definition as it is now, read from each container's own rendering (every container added so
    /// far, with ports, stop timeouts, environment and Linux parameters). The task definition's <c>ContainerDefinitions</c>
    /// is never resolved here: the CDK computes it once and caches it, so resolving it before synth would freeze the
    /// template's containers and drop every container or variable added afterwards.
    /// </summary>
    public static TaskShape FromTaskDefinition(TaskDefinition taskDefinition)
    {
        var stack = Amazon.CDK.Stack.Of(taskDefinition);
        var containers = taskDefinition.Node.Children.OfType<ContainerDefinition>()
            .Select(c => Parsed(Rendered(stack, c.RenderContainerDefinition(taskDefinition))))
            .ToList();
        return new TaskShape(containers, taskDefinition.DefaultContainer?.ContainerName)
        {
            PidModeTask = taskDefinition.PidMode == PidMode.TASK,
        };
    }

    /// <summary>
    /// The members of a container's fresh rendering the rules read, resolved one by one (the rendering as a whole is a
    /// struct the CDK cannot take back; its members are plain values or tokens it can).
    /// </summary>
    private static JsonObject Rendered(Amazon.CDK.Stack stack, CfnTaskDefinition.IContainerDefinitionProperty rendered)
    {
        JsonNode? Resolved(object? value) => value is null ? null : CdkJson.ToNode(stack.Resolve(value));
        return new JsonObject
        {
            ["name"] = rendered.Name,
            ["portMappings"] = Resolved(rendered.PortMappings),
            ["stopTimeout"] = rendered.StopTimeout,
            ["readonlyRootFilesystem"] = Resolved(rendered.ReadonlyRootFilesystem),
            ["linuxParameters"] = Resolved(rendered.LinuxParameters),
            ["environment"] = Resolved(rendered.Environment),
            ["secrets"] = Resolved(rendered.Secrets),
        };
    }

    /// <summary>
    /// The containers of <paramref name="taskDefinitions"/> when the app is synthesized (from a validation): nothing
    /// changes them any more, so their cached <c>ContainerDefinitions</c> are resolved, all in one call into the CDK.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ContainerShape>> ContainersAtSynth(Amazon.CDK.Stack stack, IReadOnlyList<TaskDefinition> taskDefinitions)
    {
        var tokens = taskDefinitions.Select(t => ((CfnTaskDefinition)t.Node.DefaultChild!).ContainerDefinitions ?? Array.Empty<object>()).ToArray();
        var resolved = CdkJson.ToNode(stack.Resolve(tokens))!.AsArray();
        return resolved.Select(list => (IReadOnlyList<ContainerShape>)list!.AsArray().OfType<JsonObject>().Select(Parsed).ToList()).ToList();
    }

    /// <summary>Reads one rendered container definition (camelCase JSON, as CDK resolves it).</summary>
    private static ContainerShape Parsed(JsonObject c)
    {
        static IEnumerable<string> Names(JsonNode? list) => (list as JsonArray)?.OfType<JsonObject>().Select(e => e["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : null).OfType<string>() ?? [];
        var ports = (c["portMappings"] as JsonArray)?.OfType<JsonObject>()
            .Where(p => p["containerPort"] is JsonValue v && v.TryGetValue<double>(out _))
            .Select(p => new PortShape(p["name"]?.GetValue<string>(), (int)p["containerPort"]!.GetValue<double>(), p["appProtocol"]?.GetValue<string>()))
            .ToList() ?? [];
        return new ContainerShape(c["name"]!.GetValue<string>(), ports, c["stopTimeout"] is JsonValue t && t.TryGetValue<double>(out var seconds) ? seconds : null)
        {
            ReadonlyRootFilesystem = c["readonlyRootFilesystem"] is JsonValue r && r.TryGetValue<bool>(out var ro) && ro,
            InitProcessEnabled = c["linuxParameters"]?["initProcessEnabled"] is JsonValue i && i.TryGetValue<bool>(out var init) && init,
            EnvironmentNames = Names(c["environment"]).Concat(Names(c["secrets"])).ToList(),
        };
    }

    private static bool InitProcess(LinuxParameters? parameters) => parameters?.RenderLinuxParameters().InitProcessEnabled is true;

    private static List<PortShape> Ports(IPortMapping[]? mappings)
        => (mappings ?? []).Select(m => new PortShape(m.Name, (int)m.ContainerPort, AppProtocols.ValueOf(m.AppProtocol))).ToList();
}
