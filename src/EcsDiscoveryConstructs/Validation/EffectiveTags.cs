using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using EcsDiscoveryConstructs.Validation.Rules;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Synth-time half of <c>tags-format</c>: checks the tags that reach the template, after aspects ran, so tags added by
/// <c>Tags.Of(scope)</c> on a parent (a stack, an app) count against Cloud Map's 50 tags per resource as well as the
/// construct's own <c>Tags</c>. One instance per Cloud Map resource, attached to the library construct around it.
/// </summary>
internal sealed class EffectiveTags : DeputyBase, IValidation
{
    private readonly IConstruct owner;
    private readonly string kind;
    private readonly ITaggable resource;
    private readonly int fromProps;

    private EffectiveTags(IConstruct owner, string kind, ITaggable resource, int fromProps)
    {
        this.owner = owner;
        this.kind = kind;
        this.resource = resource;
        this.fromProps = fromProps;
    }

    /// <summary>Checks the tags of <paramref name="resource"/> (the L1 of <paramref name="owner"/>) when the app is synthesized.</summary>
    public static void Track(IConstruct owner, string kind, IConstruct resource, IReadOnlyDictionary<string, string>? propTags)
    {
        if (resource is ITaggable taggable)
        {
            owner.Node.AddValidation(new EffectiveTags(owner, kind, taggable, propTags?.Count ?? 0));
        }
    }

    /// <inheritdoc />
    public string[] Validate()
    {
        var tags = resource.Tags.TagValues();
        var path = owner.Node.Path;
        return TagsFormat.Violations(new Dictionary<string, string>(tags), $"{tags.Count - fromProps} from Tags.Of(...) on a parent scope, {fromProps} from Tags")
            .Select(v => RuleRunner.Format(kind, path, TagsFormat.Rule, v))
            .ToArray();
    }
}
