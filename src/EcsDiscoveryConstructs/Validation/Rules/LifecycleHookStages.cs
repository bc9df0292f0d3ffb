namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Each lifecycle hook runs at one or more distinct stages.</summary>
internal sealed class LifecycleHookStages : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "lifecycle-hook-stages",
        RuleLevel.Error,
        "A lifecycle hook is set and names at least one stage, each a LifecycleHookStage member and each once.",
        "ECS DeploymentLifecycleHook: lifecycleStages must be provided; a hook without stages never runs and a stage named twice invokes the function twice.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var (hook, i) in subject.Hooks.Select((h, i) => (h, i)))
        {
            var path = $"LifecycleHooks[{subject.HookOffset + i}]";
            if (hook is null)
            {
                yield return new Violation(path, "is null", "Remove the entry or give a LambdaLifecycleHook.");
            }
            else if (hook.Stages is not { Length: > 0 })
            {
                yield return new Violation($"{path}.Stages", "is empty: the hook would never run", "Name a stage, e.g. Stages = [LifecycleHookStage.PostTestTrafficShift].");
            }
            else if (hook.Stages.FirstOrDefault(s => !Enum.IsDefined(s)) is var unknown && !Enum.IsDefined(unknown))
            {
                yield return new Violation($"{path}.Stages", $"holds {(int)unknown}, which is no LifecycleHookStage", "Use the LifecycleHookStage members only.");
            }
            else if (hook.Stages.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                yield return new Violation($"{path}.Stages", $"names {twice.Key} {twice.Count()} times: ECS would invoke the function that often at that stage", "Name each stage once.");
            }
        }
    }
}
