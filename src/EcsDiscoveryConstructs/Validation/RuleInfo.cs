namespace EcsDiscoveryConstructs.Validation;

/// <summary>Describes one validation rule: its stable id, its level and what it checks.</summary>
/// <param name="Id">Stable id without prefix, e.g. <c>dns-ttl-range</c>; warnings are published as <c>ecs-discovery:&lt;Id&gt;</c>.</param>
/// <param name="Level">Whether a finding fails synthesis or becomes a warning.</param>
/// <param name="Summary">One line saying what the rule checks.</param>
/// <param name="Why">Why the rule exists: the AWS limit or pitfall behind it.</param>
public sealed record RuleInfo(string Id, RuleLevel Level, string Summary, string Why)
{
    /// <summary>The prefix of every rule id as it appears in warnings and error messages.</summary>
    public const string Prefix = "ecs-discovery:";

    /// <summary>The AWS reference the rule is taken from (the API or guide page stating the limit), or null for the library's own guards.</summary>
    /// <value>Default: none.</value>
    public string? Reference { get; init; }

    /// <summary>The id as published in CDK warnings and error messages, e.g. <c>ecs-discovery:dns-ttl-range</c>.</summary>
    public string QualifiedId => Prefix + Id;
}
