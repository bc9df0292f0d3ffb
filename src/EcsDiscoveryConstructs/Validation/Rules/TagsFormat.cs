namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Tags obey the Cloud Map tagging limits.</summary>
internal sealed class TagsFormat : IPropsRule<NamespaceSpec>, IPropsRule<DiscoveryServiceSpec>
{
    /// <summary>Most tags per Cloud Map resource.</summary>
    public const int MaxTags = 50;

    /// <summary>The rule's description, also used by the synth-time check of the tags that reach the template.</summary>
    public static RuleInfo Rule => new(
        "tags-format",
        RuleLevel.Error,
        "At most 50 tags; keys 1-128 characters not starting with 'aws:'; values at most 256 characters.",
        "TagResource limits (TooManyTagsException, InvalidInput); 'aws:' is reserved for AWS. Checked on the props, and at synth on the tags that reach the template (Tags.Of(scope) on a parent included).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_Tag.html" };

    public RuleInfo Info => Rule;

    public IEnumerable<Violation> Check(NamespaceSpec subject) => Violations(subject.Tags);

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject) => Violations(subject.Tags);

    /// <summary>The violations of <paramref name="tags"/>; <paramref name="origin"/> says where they came from, when not only the props.</summary>
    public static IEnumerable<Violation> Violations(IReadOnlyDictionary<string, string>? tags, string? origin = null)
    {
        if (tags is null)
        {
            yield break;
        }

        if (tags.Count > MaxTags)
        {
            yield return new Violation(
                origin is null ? $"Tags ({tags.Count} tags)" : $"Tags ({tags.Count} tags in the template: {origin})",
                $"are too many: use at most {MaxTags}",
                origin is null ? "Remove tags, or tag through a parent scope with fewer tags." : "Remove tags from the construct or its parent scopes, or exclude this resource type from the parent's tags (TagProps.ExcludeResourceTypes).");
        }

        foreach (var (key, value) in tags)
        {
            // A key that is a token is checked at deploy; its value's length is known now.
            if (TokenGuard.IsConcrete(key) && (key.Length is 0 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
            {
                yield return new Violation($"Tags key '{key}'", "is invalid: use 1-128 characters, not starting with 'aws:'", "Rename the tag key.");
            }
            else if (TokenGuard.IsConcrete(value) && value.Length > 256)
            {
                yield return new Violation($"Tags['{key}'] ({value.Length} characters)", "is too long: use at most 256 characters", "Shorten the tag value.");
            }
        }
    }
}
