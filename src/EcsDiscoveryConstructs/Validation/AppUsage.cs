using System.Runtime.CompilerServices;
using Amazon.CDK;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What one app declares across all its stacks; one instance per construct tree (keyed by its root).</summary>
internal sealed class AppUsage
{
    /// <summary>Cloud Map namespaces per Region (default quota, adjustable).</summary>
    public const int NamespaceQuota = 50;

    private static readonly ConditionalWeakTable<object, AppUsage> ByRoot = [];
    private readonly Dictionary<object, object> shared = [];
    private int namespaces;

    public static RuleInfo NamespaceCountQuota => new(
        "namespace-count-quota",
        RuleLevel.Warning,
        "More than 50 namespaces declared in one app.",
        "Cloud Map allows 50 namespaces per Region by default (each DNS namespace is also a Route 53 hosted zone); creating more fails until the quota is raised.") { Reference = "https://docs.aws.amazon.com/general/latest/gr/cloud_map.html" };

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

    /// <summary>Counts a namespace created by the app; warns on the first one over the quota.</summary>
    public void AddNamespace(IConstruct namespaceConstruct)
    {
        namespaces++;
        if (namespaces == NamespaceQuota + 1)
        {
            Annotations.Of(namespaceConstruct).AddWarningV2(
                NamespaceCountQuota.QualifiedId,
                $"Namespace '{namespaceConstruct.Node.Path}' is namespace number {namespaces} of this app, more than the default quota of {NamespaceQuota} Cloud Map namespaces per Region. Request a higher quota, or share namespaces between services. [{NamespaceCountQuota.QualifiedId}]");
        }
    }
}
