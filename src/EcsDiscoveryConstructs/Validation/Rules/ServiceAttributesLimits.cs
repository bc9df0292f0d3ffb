namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service-level attributes within Cloud Map's limits.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/cloud-map/latest/api/API_UpdateServiceAttributes.html: Attributes "Map Entries: Maximum
/// number of 30 items. Key Length Constraints: Maximum length of 255. Value Length Constraints: Maximum length of 1024."
/// An empty key names nothing and is refused here too. Lengths are counted in UTF-16 code units as the API counts string length.
/// </remarks>
internal sealed class ServiceAttributesLimits : IPropsRule<DiscoveryServiceSpec>
{
    public const int MaxEntries = 30;
    public const int MaxKeyLength = 255;
    public const int MaxValueLength = 1024;

    public RuleInfo Info => new(
        "service-attributes",
        RuleLevel.Error,
        "ServiceAttributes has at most 30 entries, keys of 1-255 characters and values of at most 1024 characters.",
        "Cloud Map UpdateServiceAttributes limits; CloudFormation fails the deployment (ServiceAttributesLimitExceededException or InvalidInput) otherwise.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_UpdateServiceAttributes.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.ServiceAttributes is not { } attributes)
        {
            yield break;
        }

        if (attributes.Count > MaxEntries)
        {
            yield return new Violation($"ServiceAttributes ({attributes.Count} entries)", $"has too many entries: Cloud Map keeps at most {MaxEntries} per service", "Remove entries, or move detail into fewer attributes.");
        }

        foreach (var (key, value) in attributes.Where(e => TokenGuard.IsConcrete(e.Key)))
        {
            if (key.Length is 0 or > MaxKeyLength)
            {
                yield return new Violation($"ServiceAttributes key '{Shorten(key)}' ({key.Length} characters)", $"is invalid: use 1-{MaxKeyLength} characters", "Shorten the key.");
            }

            if (value is null)
            {
                yield return new Violation($"ServiceAttributes['{Shorten(key)}']", "is null", "Give a value (it may be empty).");
            }
            else if (TokenGuard.IsConcrete(value) && value.Length > MaxValueLength)
            {
                yield return new Violation($"ServiceAttributes['{Shorten(key)}'] ({value.Length} characters)", $"is too long: use at most {MaxValueLength} characters", "Shorten the value.");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
