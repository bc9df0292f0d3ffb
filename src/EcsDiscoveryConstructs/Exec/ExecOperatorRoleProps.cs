using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>Props of <see cref="ExecOperatorRole"/>.</summary>
public sealed class ExecOperatorRoleProps
{
    /// <summary>The cluster whose tasks operators may open a shell in.</summary>
    public required ICluster Cluster { get; init; }

    /// <summary>Who may assume the role, e.g. <c>new AccountPrincipal("123456789012")</c> or an SSO role.</summary>
    public required IPrincipal AssumedBy { get; init; }

    /// <summary>Require multi-factor authentication to assume the role (<c>aws:MultiFactorAuthPresent</c>).</summary>
    /// <value>Default: true.</value>
    public bool RequireMfa { get; init; } = true;

    /// <summary>Only these containers (<c>ecs:container-name</c>).</summary>
    /// <value>Default: any container of the cluster's tasks.</value>
    public IReadOnlyList<string>? ContainerNames { get; init; }

    /// <summary>Only tasks (and the cluster) carrying these tags (<c>aws:ResourceTag/key</c>); propagate tags to tasks for this.</summary>
    /// <value>Default: no tag condition.</value>
    public IReadOnlyDictionary<string, string>? ResourceTags { get; init; }

    /// <summary>The key sessions are encrypted with; operators need <c>kms:GenerateDataKey</c> on it.</summary>
    /// <value>Default: the cluster's exec configuration key, if any.</value>
    public IKey? ExecKey { get; init; }

    /// <summary>The longest session the role's credentials last.</summary>
    /// <value>Default: one hour.</value>
    public Duration? MaxSessionDuration { get; init; }
}
