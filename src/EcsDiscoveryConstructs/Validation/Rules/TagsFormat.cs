namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Tags obey the Cloud Map tagging limits.</summary>
internal sealed class TagsFormat : IPropsRule<NamespaceSpec>, IPropsRule<DiscoveryServiceSpec>
{
    /// <summary>Most tags per Cloud Map resource.</summary>
    public const int MaxTags = 50;

    public RuleInfo Info { get; } = new(
        "tags-format",
        RuleLevel.Error,
        "At most 50 tags; keys 1-128 characters not starting with 'aws:'; values at most 256 characters.",
        "TagResource limits (TooManyTagsException, InvalidInput); 'aws:' is reserved for AWS.");

    public IEnumerable<Violation> Check(NamespaceSpec subject) => Check(subject.Tags);

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject) => Check(subject.Tags);

    private static IEnumerable<Violation> Check(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            yield break;
        }

        if (tags.Count > MaxTags)
        {
            yield return new Violation($"Tags ({tags.Count} tags)", $"are too many: use at most {MaxTags}", "Remove tags, or tag through a parent scope with fewer tags.");
        }

        foreach (var (key, value) in tags)
        {
            if (!TokenGuard.IsConcrete(key))
            {
                continue;
            }

            if (key.Length is 0 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
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
