using System.Runtime.CompilerServices;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>
/// The task-role statements ECS Exec needs, and nothing broader: the four <c>ssmmessages</c> channel actions and
/// <c>logs:DescribeLogGroups</c> on <c>*</c> (they have no resource-level permissions), log-stream actions on the
/// audit log group only, <c>s3:PutObject</c> under the bucket prefix and <c>s3:GetEncryptionConfiguration</c> on the
/// bucket, <c>kms:GenerateDataKey</c> on the bucket's key when it is SSE-KMS encrypted, and <c>kms:Decrypt</c> on the exec key.
/// </summary>
/// <remarks>
/// The statements depend only on the cluster's exec configuration, so they are built once per cluster and the same
/// statement objects are added to every task role (the CDK copies statements when it merges them and never changes
/// one it was given): creating a statement is one of the costlier calls into the CDK's JavaScript.
/// </remarks>
internal static class ExecGrants
{
    /// <summary>The CDK feature flag under which the ECS L2's own Exec switch grants only the session channels when the cluster has no exec log group.</summary>
    public const string NarrowL2GrantsFlag = "@aws-cdk/aws-ecs:reduceEc2FargateCloudWatchPermissions";

    private static readonly ConditionalWeakTable<ICluster, ClusterExec> ByCluster = [];
    private static readonly ConditionalWeakTable<IConstruct, StrongBox<bool>> FlagByScope = [];

    /// <summary>
    /// True when turning Exec on through the ECS L2's <c>enableExecuteCommand</c> prop grants exactly what
    /// <see cref="Apply"/> would: the cluster has no exec log group, bucket or key (so only the session channels are
    /// needed), and <see cref="NarrowL2GrantsFlag"/> is on for <paramref name="scope"/> (without it the L2 adds log
    /// actions on <c>*</c>). The flag is read once per scope: context cannot change once a scope has children.
    /// </summary>
    public static bool L2SwitchIsLeastPrivilege(IConstruct scope, ICluster cluster)
        => For(cluster).ChannelsOnly
           && FlagByScope.GetValue(scope, s => new StrongBox<bool>(FeatureFlags.Of(s).IsEnabled(NarrowL2GrantsFlag) == true)).Value;

    public static void Apply(TaskDefinition taskDefinition, ICluster cluster)
    {
        foreach (var statement in For(cluster).Statements)
        {
            taskDefinition.AddToTaskRolePolicy(statement);
        }
    }

    private static ClusterExec For(ICluster cluster) => ByCluster.GetValue(cluster, c => new ClusterExec(c.ExecuteCommandConfiguration));

    private static PolicyStatement Statement(string sid, string[] actions, string[] resources)
        => new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });

    /// <summary>A cluster's exec configuration, read from the CDK once; the statements are built on first use.</summary>
    private sealed class ClusterExec(IExecuteCommandConfiguration? config)
    {
        private readonly IExecuteCommandLogConfiguration? logs = config?.LogConfiguration;
        private PolicyStatement[]? statements;

        /// <summary>True when the cluster has no exec log group, bucket or key: Exec needs only the session channels.</summary>
        public bool ChannelsOnly => logs?.CloudWatchLogGroup is null && logs?.S3Bucket is null && config?.KmsKey is null;

        public PolicyStatement[] Statements => statements ??= Build();

        private PolicyStatement[] Build()
        {
            var built = new List<PolicyStatement>
            {
                Statement("ExecSessionChannels", ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], ["*"]),
            };
            if (logs?.CloudWatchLogGroup?.LogGroupArn is { } logGroup)
            {
                built.Add(Statement("ExecFindLogGroup", ["logs:DescribeLogGroups"], ["*"]));
                built.Add(Statement("ExecWriteSessionLogs", ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], [logGroup]));
            }

            if (logs?.S3Bucket is { } bucket)
            {
                var prefix = logs.S3KeyPrefix;
                built.Add(Statement("ExecUploadSessionLogs", ["s3:PutObject"], [bucket.ArnForObjects(string.IsNullOrEmpty(prefix) ? "*" : $"{prefix}/*")]));
                built.Add(Statement("ExecCheckBucketEncryption", ["s3:GetEncryptionConfiguration"], [bucket.BucketArn]));
                if (bucket.EncryptionKey?.KeyArn is { } bucketKey)
                {
                    // SSE-KMS: each upload asks KMS for a data key under the bucket's key (whether or not it is the exec key).
                    built.Add(Statement("ExecEncryptSessionUploads", ["kms:GenerateDataKey"], [bucketKey]));
                }
            }

            if (config?.KmsKey?.KeyArn is { } key)
            {
                built.Add(Statement("ExecDecryptSessions", ["kms:Decrypt"], [key]));
            }

            return [.. built];
        }
    }
}
