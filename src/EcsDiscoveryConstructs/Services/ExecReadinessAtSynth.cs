using System.Runtime.CompilerServices;
using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// Judges the Exec readiness errors again when the app is synthesized, on the containers the task definition then
/// holds: containers and variables added after the service was created (<c>MainContainer.AddEnvironment</c>,
/// <c>TaskDefinition.AddContainer</c>) are invisible to the check made when Exec was turned on. Findings carry the
/// rule's own id; warnings stay with the eager check.
/// </summary>
internal static class ExecReadinessAtSynth
{
    private const string Kind = nameof(DiscoverableFargateService);
    private static readonly ConditionalWeakTable<SynthChecks, List<ExecService>> ByStack = [];

    /// <summary>Judges <paramref name="service"/>'s Exec readiness errors again when the app is synthesized.</summary>
    public static void Track(DiscoverableFargateService service, DiscoverableFargateServiceProps props, ExecOptions options, IConstruct scope)
    {
        var checks = SynthChecks.For(scope);
        ByStack.GetValue(checks, _ =>
        {
            var services = new List<ExecService>();
            checks.Add(() => Check(services));
            return services;
        }).Add(new ExecService(service, props, options, props.TaskDefinition is null ? checks.Stack : null));
    }

    /// <summary>Reads the containers of every task definition (one call into the CDK per stack), then runs the Exec rules.</summary>
    private static IEnumerable<string> Check(List<ExecService> services)
    {
        // A task definition given in the props may live in another stack than the service, and its references resolve
        // only there: each is read in its own stack.
        var containers = new IReadOnlyList<ContainerShape>[services.Count];
        foreach (var group in services.Select((s, i) => (Index: i, s.Service.TaskDefinition, s.TaskStack)).GroupBy(e => e.TaskStack ?? Stack.Of(e.TaskDefinition)))
        {
            var read = TaskShape.ContainersAtSynth(group.Key, group.Select(e => (Amazon.CDK.AWS.ECS.TaskDefinition)e.TaskDefinition).ToList());
            foreach (var (entry, shape) in group.Zip(read))
            {
                containers[entry.Index] = shape;
            }
        }

        return services.SelectMany((s, i) =>
        {
            var plan = DiscoverableFargateService.PlanOf(s.Service);
            var current = plan with { Task = plan.Task with { Containers = containers[i] } };
            return RuleRunner.Findings(new FargateServiceSpec(s.Props, current, s.Options), RuleCatalog.ExecRules)
                .Where(f => f.Rule.Level == RuleLevel.Error)
                .Select(f => RuleRunner.Format(Kind, s.Service.Node.Path, f.Rule, f.Violation with { Problem = f.Violation.Problem + " (found at synth, in the task definition as it is then)" }));
        });
    }

    /// <summary>A service with Exec on, as the synth-time check needs it.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="Props">Its props.</param>
    /// <param name="Options">Its Exec options.</param>
    /// <param name="TaskStack">The stack of the task definition when the service created it (its own stack); null for a given one, found at synth.</param>
    private sealed record ExecService(DiscoverableFargateService Service, DiscoverableFargateServiceProps Props, ExecOptions Options, Stack? TaskStack);
}
