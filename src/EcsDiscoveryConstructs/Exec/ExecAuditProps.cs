using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>Props of <see cref="ExecAudit"/>.</summary>
public sealed class ExecAuditProps
{
    /// <summary>How long session logs are kept in CloudWatch Logs.</summary>
    /// <value>Default: one year.</value>
    public RetentionDays LogRetention { get; init; } = RetentionDays.ONE_YEAR;

    /// <summary>Also write session logs to a new S3 bucket (SSE-S3 encrypted, public access blocked, TLS enforced).</summary>
    /// <value>Default: false.</value>
    public bool S3Bucket { get; init; }

    /// <summary>Where the session bucket's server access logs go (usually the account's central access-log bucket).</summary>
    /// <value>Default: no server access logs.</value>
    public IBucket? ServerAccessLogsBucket { get; init; }

    /// <summary>The key prefix of session logs in the bucket.</summary>
    /// <value>Default: <c>exec-sessions</c>.</value>
    public string S3KeyPrefix { get; init; } = "exec-sessions";

    /// <summary>What happens to the key, log group and bucket when the stack is deleted.</summary>
    /// <value>Default: RETAIN, so audit records outlive the stack.</value>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
}
