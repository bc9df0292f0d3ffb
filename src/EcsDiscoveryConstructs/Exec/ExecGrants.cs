using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>
/// The task-role statements ECS Exec needs, and nothing broader: the four <c>ssmmessages</c> channel actions and
/// <c>logs:DescribeLogGroups</c> on <c>*</c> (they have no resource-level permissions), log-stream actions on the
/// audit log group only, <c>s3:PutObject</c> under the bucket prefix and <c>s3:GetEncryptionConfiguration</c> on the
/// bucket, and <c>kms:Decrypt</c> on the exec key. The cluster's exec configuration is read once per cluster.
/// </summary>
internal static class ExecGrants
{
    private static readonly ConditionalWeakTable<ICluster, Targets> ByCluster = [];

    public static void Apply(TaskDefinition taskDefinition, ICluster cluster)
    {
        var targets = ByCluster.GetValue(cluster, Read);
        Add(taskDefinition, "ExecSessionChannels", ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], ["*"]);
        if (targets.LogGroupArn is { } logGroup)
        {
            Add(taskDefinition, "ExecFindLogGroup", ["logs:DescribeLogGroups"], ["*"]);
            Add(taskDefinition, "ExecWriteSessionLogs", ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], [logGroup]);
        }

        if (targets.BucketArn is { } bucket)
        {
            Add(taskDefinition, "ExecUploadSessionLogs", ["s3:PutObject"], [targets.ObjectsArn!]);
            Add(taskDefinition, "ExecCheckBucketEncryption", ["s3:GetEncryptionConfiguration"], [bucket]);
        }

        if (targets.KeyArn is { } key)
        {
            Add(taskDefinition, "ExecDecryptSessions", ["kms:Decrypt"], [key]);
        }
    }

    private static Targets Read(ICluster cluster)
    {
        var config = cluster.ExecuteCommandConfiguration;
        var logs = config?.LogConfiguration;
        var bucket = logs?.S3Bucket;
        var prefix = logs?.S3KeyPrefix;
        return new Targets(
            logs?.CloudWatchLogGroup?.LogGroupArn,
            bucket?.BucketArn,
            bucket?.ArnForObjects(string.IsNullOrEmpty(prefix) ? "*" : $"{prefix}/*"),
            config?.KmsKey?.KeyArn);
    }

    private static void Add(TaskDefinition taskDefinition, string sid, string[] actions, string[] resources)
        => taskDefinition.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));

    private sealed record Targets(string? LogGroupArn, string? BucketArn, string? ObjectsArn, string? KeyArn);
}
