using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Steps shared by the three namespace constructs and their imports.</summary>
internal static class NamespaceSetup
{
    /// <summary>Runs the namespace rules: throws every error at once, reports warnings on <paramref name="construct"/>.</summary>
    public static void Validate(IConstruct construct, string kind, NamespaceSpec spec)
        => RuleRunner.Apply(construct, kind, spec, RuleCatalog.NamespaceRules);

    /// <summary>
    /// Adds <paramref name="tags"/> to every taggable resource under <paramref name="construct"/>, and checks at synth the
    /// tags <paramref name="resource"/> (its Cloud Map L1, read only when there are tags) ends up with, parent scopes' tags included.
    /// </summary>
    public static void ApplyTags(IConstruct construct, string kind, Func<IConstruct> resource, IReadOnlyDictionary<string, string>? tags)
    {
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            Tags.Of(construct).Add(key, value);
        }

        EffectiveTags.Track(construct, kind, resource, tags);
    }

    /// <summary>Creates the record of what the app puts into a namespace; it is checked when the app is synthesized.</summary>
    public static NamespaceUsage TrackUsage(IConstruct namespaceConstruct, NamespaceType type, string label)
        => new(namespaceConstruct, label, caseSensitive: type == NamespaceType.HTTP);

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> are one namespace: the same object, or two imports of one
    /// namespace (they share one usage record). Both null counts as the same.
    /// </summary>
    public static bool Same(IDiscoveryNamespace? a, IDiscoveryNamespace? b) => ReferenceEquals(a?.Usage, b?.Usage);

    /// <summary>A readable label for a namespace in messages: its name when known, else its construct path.</summary>
    public static string Label(string name, string path) => TokenGuard.IsConcrete(name) ? name : path;
}
