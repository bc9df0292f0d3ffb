using Amazon.JSII.Runtime.Deputy;
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
internal sealed class ExecReadinessAtSynth : DeputyBase, IValidation
{
    private const string Kind = nameof(DiscoverableFargateService);
    private readonly DiscoverableFargateService service;
    private readonly DiscoverableFargateServiceProps props;
    private readonly ExecOptions options;

    private ExecReadinessAtSynth(DiscoverableFargateService service, DiscoverableFargateServiceProps props, ExecOptions options)
    {
        this.service = service;
        this.props = props;
        this.options = options;
    }

    /// <summary>Adds the check to <paramref name="service"/>'s node.</summary>
    public static void Track(DiscoverableFargateService service, DiscoverableFargateServiceProps props, ExecOptions options)
        => service.Node.AddValidation(new ExecReadinessAtSynth(service, props, options));

    /// <inheritdoc />
    public string[] Validate()
    {
        var plan = DiscoverableFargateService.PlanOf(service) with { Task = TaskShape.FromTaskDefinition(service.TaskDefinition) };
        var path = service.Node.Path;
        return RuleRunner.Findings(new FargateServiceSpec(props, plan, options), RuleCatalog.ExecRules)
            .Where(f => f.Rule.Level == RuleLevel.Error)
            .Select(f => RuleRunner.Format(Kind, path, f.Rule, f.Violation with { Problem = f.Violation.Problem + " (found at synth, in the task definition as it is then)" }))
            .ToArray();
    }
}
