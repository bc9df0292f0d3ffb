namespace EcsDiscoveryConstructs.Validation;

/// <summary>How a validation rule reports a finding.</summary>
public enum RuleLevel
{
    /// <summary>The construct cannot be synthesized: the props would fail at deploy time or break discovery.</summary>
    Error,

    /// <summary>Legal but risky: reported as a CDK warning (<c>ecs-discovery:&lt;rule-id&gt;</c>) that can be acknowledged.</summary>
    Warning,
}
