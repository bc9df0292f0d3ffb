using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>
/// Audited ECS Exec for a cluster: a KMS key for sessions (rotation on, a key policy without <c>kms:*</c>), an
/// encrypted CloudWatch log group with retention, optionally an encrypted S3 bucket, and logging OVERRIDE. Pass
/// <see cref="ClusterConfiguration"/> as <c>ClusterProps.ExecuteCommandConfiguration</c>; services with Exec then
/// get grants scoped to exactly these resources.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-logging</remarks>
public sealed class ExecAudit : Construct
{
    /// <summary>Creates the key, log group and (optionally) bucket.</summary>
    public ExecAudit(Construct scope, string id, ExecAuditProps? props = null)
        : base(scope, id)
    {
        props ??= new ExecAuditProps();
        var (group, key, name) = EncryptedLogGroup.Create(this, "/ecs/exec/", $"ECS Exec sessions and audit logs ({Node.Path})", props.LogRetention, props.RemovalPolicy, key: null, iamUse: true, logSid: "AuditLogGroup");
        (LogGroup, Key, LogGroupName) = (group, (Key)key, name);

        if (props.S3Bucket)
        {
            Bucket = new Bucket(this, "Sessions", new BucketProps
            {
                Encryption = BucketEncryption.S3_MANAGED,
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                EnforceSSL = true,
                Versioned = true,
                RemovalPolicy = props.RemovalPolicy,
                ServerAccessLogsBucket = props.ServerAccessLogsBucket,
                ServerAccessLogsPrefix = props.ServerAccessLogsBucket is null ? null : "exec-sessions-bucket/",
            });
            S3KeyPrefix = props.S3KeyPrefix;
        }

        ClusterConfiguration = new ExecuteCommandConfiguration
        {
            KmsKey = Key,
            Logging = ExecuteCommandLogging.OVERRIDE,
            LogConfiguration = new ExecuteCommandLogConfiguration
            {
                CloudWatchLogGroup = LogGroup,
                CloudWatchEncryptionEnabled = true,
                S3Bucket = Bucket,
                S3EncryptionEnabled = Bucket is null ? null : true,
                S3KeyPrefix = S3KeyPrefix,
            },
        };
    }

    /// <summary>The KMS key that encrypts sessions and the log group.</summary>
    public Key Key { get; }

    /// <summary>The encrypted log group session output goes to.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>The log group's name, <c>/ecs/exec/...</c>.</summary>
    public string LogGroupName { get; }

    /// <summary>The session log bucket, when one was asked for.</summary>
    public Bucket? Bucket { get; }

    /// <summary>The key prefix in <see cref="Bucket"/>, when there is a bucket.</summary>
    public string? S3KeyPrefix { get; }

    /// <summary>Pass as <c>ClusterProps.ExecuteCommandConfiguration</c>.</summary>
    public ExecuteCommandConfiguration ClusterConfiguration { get; }
}
