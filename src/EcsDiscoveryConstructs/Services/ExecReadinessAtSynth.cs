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
    private static readonly ConditionalWeakTable<SynthChecks, List<(DiscoverableFargateService Service, DiscoverableFargateServiceProps Props, ExecOptions Options)>> ByStack = [];

    /// <summary>Judges <paramref name="service"/>'s Exec readiness errors again when the app is synthesized.</summary>
    public static void Track(DiscoverableFargateService service, DiscoverableFargateServiceProps props, ExecOptions options, IConstruct scope)
    {
        var checks = SynthChecks.For(scope);
        ByStack.GetValue(checks, c =>
        {
            var services = new List<(DiscoverableFargateService, DiscoverableFargateServiceProps, ExecOptions)>();
            c.Add(() => Check(c.Stack, services));
            return services;
        }).Add((service, props, options));
    }

    /// <summary>Reads the containers of every task definition in one call into the CDK, then runs the Exec rules.</summary>
    private static IEnumerable<string> Check(Stack stack, List<(DiscoverableFargateService Service, DiscoverableFargateServiceProps Props, ExecOptions Options)> services)
    {
        // Task definitions the services created live in this stack; one given in the props may live in another, and
        // its references resolve only there.
        var rendered = services
            .Select((s, i) => (Index: i, s.Service.TaskDefinition, Stack: s.Props.TaskDefinition is null ? stack : Stack.Of(s.Props.TaskDefinition)))
            .GroupBy(s => s.Stack)
            .SelectMany(g => g.Zip(TaskShape.ContainersAtSynth(g.Key, g.Select(s => (Amazon.CDK.AWS.ECS.TaskDefinition)s.TaskDefinition).ToList()), (s, containers) => (s.Index, Containers: containers)))
            .OrderBy(r => r.Index)
            .Select(r => r.Containers);
        return services.Zip(rendered).SelectMany(pair =>
        {
            var (service, props, options) = pair.First;
            var plan = DiscoverableFargateService.PlanOf(service);
            var current = plan with { Task = plan.Task with { Containers = pair.Second } };
            return RuleRunner.Findings(new FargateServiceSpec(props, current, options), RuleCatalog.ExecRules)
                .Where(f => f.Rule.Level == RuleLevel.Error)
                .Select(f => RuleRunner.Format(Kind, service.Node.Path, f.Rule, f.Violation with { Problem = f.Violation.Problem + " (found at synth, in the task definition as it is then)" }));
        });
    }
}
