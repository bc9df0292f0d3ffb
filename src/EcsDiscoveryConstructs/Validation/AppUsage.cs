using System.Runtime.CompilerServices;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What one app declares across all its stacks; one instance per construct tree (keyed by its root).</summary>
internal sealed class AppUsage
{
    private static readonly ConditionalWeakTable<object, AppUsage> ByRoot = [];
    private readonly Dictionary<object, object> shared = [];
    private int namespaces;

    /// <summary>The usage record of the app <paramref name="construct"/> belongs to.</summary>
    public static AppUsage For(IConstruct construct) => ByRoot.GetValue(construct.Node.Root, _ => new AppUsage());

    /// <summary>
    /// The record the app keeps for <paramref name="key"/> (an identity string such as an imported namespace's id or a
    /// cluster's name, or an object), created by <paramref name="create"/> the first time it is asked for.
    /// </summary>
    public T Shared<T>(object key, Func<T> create)
        where T : class
    {
        if (!shared.TryGetValue(key, out var record))
        {
            shared[key] = record = create();
        }

        return (T)record;
    }

    /// <summary>Counts a namespace created by the app; the rules of <see cref="RuleCatalog.AppNamespaceRules"/> warn on it.</summary>
    public void AddNamespace(IConstruct namespaceConstruct)
        => _ = AppRules.Warn(namespaceConstruct, new AppNamespaces(++namespaces, namespaceConstruct.Node.Path), RuleCatalog.AppNamespaceRules);
}
