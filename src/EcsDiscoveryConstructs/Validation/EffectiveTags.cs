using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Validation.Rules;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Synth-time half of <c>tags-format</c>: for a construct given <c>Tags</c>, checks the tags that reach the template after
/// aspects ran, so tags added by <c>Tags.Of(scope)</c> on a parent (a stack, an app) count against Cloud Map's 50 tags
/// per resource together with the construct's own. Constructs without <c>Tags</c> are not read back: their tags are
/// whatever the app's own <c>Tags.Of</c> calls give every resource, and reading them costs two calls into the CDK each.
/// </summary>
internal static class EffectiveTags
{
    /// <summary>Checks the tags of <paramref name="resource"/> (the L1 of <paramref name="owner"/>) at synth, when the props gave tags.</summary>
    public static void Track(IConstruct owner, string kind, Func<IConstruct> resource, IReadOnlyDictionary<string, string>? propTags)
    {
        if (propTags is not { Count: > 0 } || resource() is not ITaggable taggable)
        {
            return;
        }

        var fromProps = propTags.Count;
        SynthChecks.For(owner).Add(() =>
        {
            var tags = taggable.Tags.TagValues();
            return TagsFormat.Violations(new Dictionary<string, string>(tags), $"{tags.Count - fromProps} from Tags.Of(...) on a parent scope, {fromProps} from Tags")
                .Select(v => RuleRunner.Format(kind, owner.Node.Path, TagsFormat.Rule, v));
        });
    }
}
