using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Instance ids and custom attributes RegisterInstance accepts.</summary>
internal sealed partial class InstanceAttributes : IPropsRule<InstanceSpec>
{
    /// <summary>Custom attributes per instance.</summary>
    public const int MaxAttributes = 30;

    public RuleInfo Info => new(
        "instance-attributes",
        RuleLevel.Error,
        "AddInstance: InstanceId is 1-64 letters, digits and _/:.@-; at most 30 attributes, keys 1-255 printable characters not starting with AWS_, values at most 1,024 characters, all keys and values at most 5,000 characters together.",
        "RegisterInstance limits; AWS_ attributes are reserved for the addresses the library sets from Ipv4, Ipv6, Port and Cname.");

    public IEnumerable<Violation> Check(InstanceSpec subject)
    {
        var o = subject.Instance;
        if (o.InstanceId is { } id && TokenGuard.IsConcrete(id) && !InstanceId().IsMatch(id))
        {
            yield return new Violation($"InstanceId '{id}'", "is invalid: use 1-64 letters, digits and _/:.@-", "Use e.g. 'web-1'.");
        }

        // Not a pattern variable: mutation testing removes the early exit, which would leave it unassigned.
        var attributes = o.Attributes;
        if (attributes is null)
        {
            yield break;
        }

        if (attributes.Count > MaxAttributes)
        {
            yield return new Violation($"Attributes ({attributes.Count})", $"are too many: use at most {MaxAttributes}", "Remove attributes.");
        }

        foreach (var (key, value) in attributes)
        {
            if (key is null || key.Length is 0 or > 255 || !Printable().IsMatch(key))
            {
                yield return new Violation($"Attributes key '{key}'", "is invalid: use 1-255 printable ASCII characters", "Rename the attribute.");
            }
            else if (key.StartsWith("AWS_", StringComparison.Ordinal))
            {
                yield return new Violation($"Attributes key '{key}'", "is reserved for AWS", "Set addresses through Ipv4, Ipv6, Port or Cname, and name your own attributes without 'AWS_'.");
            }
            else if (value is null || value.Length > 1024)
            {
                yield return new Violation($"Attributes['{key}']", "is missing or longer than 1024 characters", "Shorten the value.");
            }
        }

        var total = attributes.Sum(a => (a.Key?.Length ?? 0) + (a.Value?.Length ?? 0));
        if (total > 5000)
        {
            yield return new Violation($"Attributes ({total} characters)", "are too long together: use at most 5000 characters", "Shorten or remove attributes.");
        }
    }

    [GeneratedRegex("^[0-9a-zA-Z_/:.@-]{1,64}$")]
    private static partial Regex InstanceId();

    [GeneratedRegex("^[!-~]+$")]
    private static partial Regex Printable();
}
