using System.Collections;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Lifecycle hook details are JSON: strings, finite numbers, booleans, and objects and lists of them.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html: hookDetails is a "JSON value" ECS passes to the function.</remarks>
internal sealed class LifecycleHookDetails : IPropsRule<FargateServiceSpec>
{
    /// <summary>How deep details may nest before they are refused (a cycle would otherwise never end).</summary>
    private const int MaxDepth = 32;

    public RuleInfo Info => new(
        "lifecycle-hook-details",
        RuleLevel.Error,
        "A lifecycle hook's Details hold only JSON values: strings, finite numbers, booleans, and dictionaries or lists of them, at most 32 levels deep.",
        "ECS passes hookDetails to the function as JSON; a value JSON cannot carry (an object, NaN, a cycle) would fail synthesis with a raw serializer error.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentLifecycleHook.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var (hook, i) in subject.Hooks.Select((h, i) => (h, i)).Where(e => e.h?.Details is not null))
        {
            if (FirstBad(hook.Details!, $"LifecycleHooks[{subject.HookOffset + i}].Details", 0) is { } bad)
            {
                yield return new Violation(bad.Path, $"holds {bad.What}, which JSON cannot carry", "Use strings, finite numbers, booleans, and dictionaries or lists of them.");
            }
        }
    }

    private static (string Path, string What)? FirstBad(object? value, string path, int depth) => value switch
    {
        _ when depth > MaxDepth => (path, $"values nested deeper than {MaxDepth} levels"),
        string or bool or int or long or short or byte or uint or ulong or ushort or sbyte or decimal => null,
        double d when double.IsFinite(d) => null,
        float f when float.IsFinite(f) => null,
        double or float => (path, $"the number {value}"),
        IDictionary<string, object> map => map.Select(e => FirstBad(e.Value, $"{path}['{e.Key}']", depth + 1)).FirstOrDefault(b => b is not null),
        IEnumerable list and not IDictionary => list.Cast<object?>().Select((v, n) => FirstBad(v, $"{path}[{n}]", depth + 1)).FirstOrDefault(b => b is not null),
        null => (path, "null"),
        _ => (path, $"a {value.GetType().Name}"),
    };
}
