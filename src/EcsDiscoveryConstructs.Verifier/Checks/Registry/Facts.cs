using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary>A check of what the registry holds for one namespace.</summary>
internal interface INamespaceCheck
{
    CheckInfo Info { get; }

    IEnumerable<CheckResult> Check(NamespaceFacts facts);
}

/// <summary>A check of what the registry holds for one existing service.</summary>
internal interface IServiceCheck
{
    CheckInfo Info { get; }

    IEnumerable<CheckResult> Check(ServiceFacts facts);
}

/// <summary>What the registry holds for an expected namespace, gathered once for every namespace check.</summary>
/// <param name="Namespace">The expected namespace.</param>
/// <param name="SameName">Live namespaces with its name, of any type.</param>
/// <param name="Chosen">The live namespace checked (the right type, holding the most declared services); null when none.</param>
/// <param name="Candidates">How many live namespaces have its name and type.</param>
/// <param name="Services">The chosen namespace's services.</param>
/// <param name="Wanted">The resolved names of the services the assembly declares in it.</param>
/// <param name="AllNamesResolved">True when every declared service name is known before deployment.</param>
/// <param name="Strict">Whether undeclared things fail.</param>
internal sealed record NamespaceFacts(ExpectedNamespace Namespace, IReadOnlyList<LiveNamespace> SameName, LiveNamespace? Chosen, int Candidates, IReadOnlyList<LiveService> Services, IReadOnlySet<string> Wanted, bool AllNamesResolved, bool Strict)
{
    public string Target => Namespace.Name.ToString();

    public CheckResult Result(CheckInfo check, bool ok, string pass, string fail, string expected, string actual)
        => Outcome(check, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? pass : fail, expected, actual);

    public CheckResult Outcome(CheckInfo check, CheckStatus status, string message, string expected, string actual)
        => new(Namespace.Stack, check.Id, Target, status, message) { Expected = expected, Actual = actual };
}

/// <summary>What the registry holds for an expected service that exists, gathered once for every service check.</summary>
/// <param name="Service">The expected service.</param>
/// <param name="Live">The live service.</param>
/// <param name="Instances">ListInstances.</param>
/// <param name="Discovered">DiscoverInstances (health status ALL).</param>
/// <param name="Strict">Whether undeclared things fail.</param>
internal sealed record ServiceFacts(ExpectedService Service, LiveService Live, IReadOnlyList<LiveInstance> Instances, IReadOnlyList<DiscoveredInstance> Discovered, bool Strict)
{
    /// <summary>What ECS says of the services registering here and of the tasks behind the instances.</summary>
    public EcsFacts Ecs { get; init; } = EcsFacts.None;

    /// <summary>The live service attributes when the template declares some; null otherwise.</summary>
    public ServiceAttributesRead? ServiceAttributes { get; init; }

    /// <summary>What ECS says of the services registering here (empty when ECS was not read or did not know them).</summary>
    public IReadOnlyList<EcsRegistrant> Registrants => Ecs.Registrants;

    public string Target => $"{Service.Namespace.Name}/{Service.Name}";

    public CheckResult Result(CheckInfo check, bool ok, string pass, string fail, string expected, string actual)
        => new(Service.Stack, check.Id, Target, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? pass : fail) { Expected = expected, Actual = actual };
}

/// <summary>An ECS service registering into a Cloud Map service, and what it may run now.</summary>
/// <param name="Cluster">The cluster, as the instances name it (<c>ECS_CLUSTER_NAME</c>).</param>
/// <param name="Service">The ECS service's name.</param>
/// <param name="Window">What it may run now, from its deployment state.</param>
/// <param name="Live">The service as ECS described it.</param>
internal sealed record EcsRegistrant(string Cluster, string Service, DeploymentWindow Window, EcsService Live)
{
    /// <summary>The template's ECS service it is, when the template names it (null for one only the instances name).</summary>
    public ExpectedEcsService? Expected { get; init; }

    /// <summary>Its most recent stopped tasks, newest first, read when it runs fewer tasks than it wants or tasks failed.</summary>
    public IReadOnlyList<EcsTask> StoppedTasks { get; init; } = [];

    /// <summary>How many of its last events a cause quotes.</summary>
    private const int EventsShown = 3;

    /// <summary>What ECS says of the service, as a failure's cause: running against desired, its deployments, its last events.</summary>
    public string Cause()
    {
        var deployments = string.Join(", ", Live.Deployments.Select(d => $"{d.Id ?? "?"} {d.Status ?? "?"} {d.RolloutState ?? "?"} {d.RunningCount}/{d.DesiredCount} running, {d.FailedTasks} failed"));
        // ECS's own text (events, reasons) is shown on one line: a newline in it would break the report's rows.
        var events = Live.Events.Take(EventsShown).Select(e => Redaction.Redactor.Shown(e.Message)).ToList();
        return $"ECS service {Cluster}/{Service} ({Live.Status ?? "?"}): {Live.RunningCount} of {Live.DesiredCount} running, {Live.PendingCount} pending"
            + (deployments.Length > 0 ? $"; deployments: {deployments}" : string.Empty)
            + (StoppedTasks.Count > 0 ? $"; stopped tasks: {string.Join(" | ", Stopped(StoppedTasks))}" : string.Empty)
            + (events.Count > 0 ? $"; last events: {string.Join(" | ", events)}" : string.Empty);
    }

    /// <summary>
    /// The stopped tasks, newest first, those that stopped for the same reason counted together: the reason (stop code,
    /// ECS's reason, and each container's own reason or exit code when it says more) and the newest task's id.
    /// </summary>
    private static IEnumerable<string> Stopped(IReadOnlyList<EcsTask> tasks)
        => tasks.GroupBy(Why, StringComparer.Ordinal).Select(g =>
        {
            var newest = g.First().Arn;
            var id = newest[(newest.LastIndexOf('/') + 1)..];
            return g.Count() == 1 ? $"{id}{g.Key}" : $"{g.Count()} tasks{g.Key} (newest {id})";
        });

    private static string Why(EcsTask task)
    {
        var containers = task.Containers
            .Where(c => (!string.IsNullOrWhiteSpace(c.Reason) && c.Reason != task.StoppedReason) || c.ExitCode is not null and not 0)
            .Select(c => $"container {c.Name ?? "?"}: {(string.IsNullOrWhiteSpace(c.Reason) || c.Reason == task.StoppedReason ? string.Empty : Redaction.Redactor.Shown(c.Reason))}{(c.ExitCode is { } code and not 0 ? $" (exit {code})" : string.Empty)}".TrimEnd());
        return $"{EcsFactsReader.Why(task)}{string.Concat(containers.Select(c => $", {c}"))}";
    }
}

/// <summary>Shared wording of results.</summary>
internal static class Words
{
    /// <summary>The <c>actual</c> of something that does not exist.</summary>
    public const string Missing = "missing";

    /// <summary>The <c>expected</c> or <c>actual</c> of an empty list.</summary>
    public const string None = "none";

    public static string Show(object? value) => value?.ToString() ?? "not set";

    public static string List(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));
}

/// <summary>GetServiceAttributes' answer, or why it could not be read.</summary>
/// <param name="Attributes">The live attributes; null when they could not be read.</param>
/// <param name="Unreadable">Why not (the error code), or null.</param>
internal sealed record ServiceAttributesRead(IReadOnlyDictionary<string, string>? Attributes, string? Unreadable);
