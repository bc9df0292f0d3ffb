namespace EcsDiscoveryConstructs.Validation;

/// <summary>Describes one validation rule: its stable id, its level and what it checks.</summary>
public sealed record RuleInfo
{
    internal RuleInfo(string id, RuleLevel level, string summary, string why)
    {
        Id = id;
        Level = level;
        Summary = summary;
        Why = why;
    }

    /// <summary>Stable id without prefix, e.g. <c>dns-ttl-range</c>; warnings are published as <c>ecs-discovery:&lt;Id&gt;</c>.</summary>
    public string Id { get; }

    /// <summary>Whether a finding fails synthesis or becomes a warning.</summary>
    public RuleLevel Level { get; }

    /// <summary>One line saying what the rule checks.</summary>
    public string Summary { get; }

    /// <summary>Why the rule exists: the AWS limit or pitfall behind it.</summary>
    public string Why { get; }

    /// <summary>The prefix of every rule id as it appears in warnings and error messages.</summary>
    public const string Prefix = "ecs-discovery:";

    /// <summary>The AWS reference the rule is taken from (the API or guide page stating the limit), or null for the library's own guards.</summary>
    /// <value>Default: none.</value>
    public string? Reference { get; init; }

    /// <summary>The id as published in CDK warnings and error messages, e.g. <c>ecs-discovery:dns-ttl-range</c>.</summary>
    public string QualifiedId => Prefix + Id;
}
