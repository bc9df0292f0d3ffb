using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>
/// The task-role statements ECS Exec needs, and nothing broader: the four <c>ssmmessages</c> channel actions and
/// <c>logs:DescribeLogGroups</c> on <c>*</c> (they have no resource-level permissions), log-stream actions on the
/// audit log group only, <c>s3:PutObject</c> under the bucket prefix and <c>s3:GetEncryptionConfiguration</c> on the
/// bucket, and <c>kms:Decrypt</c> on the exec key.
/// </summary>
internal static class ExecGrants
{
    public static void Apply(TaskDefinition taskDefinition, ICluster cluster)
    {
        Add(taskDefinition, "ExecSessionChannels", ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], ["*"]);
        var config = cluster.ExecuteCommandConfiguration;
        if (config?.LogConfiguration?.CloudWatchLogGroup is { } logGroup)
        {
            Add(taskDefinition, "ExecFindLogGroup", ["logs:DescribeLogGroups"], ["*"]);
            Add(taskDefinition, "ExecWriteSessionLogs", ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], [logGroup.LogGroupArn]);
        }

        if (config?.LogConfiguration?.S3Bucket is { } bucket)
        {
            var prefix = config.LogConfiguration.S3KeyPrefix;
            Add(taskDefinition, "ExecUploadSessionLogs", ["s3:PutObject"], [bucket.ArnForObjects(string.IsNullOrEmpty(prefix) ? "*" : $"{prefix}/*")]);
            Add(taskDefinition, "ExecCheckBucketEncryption", ["s3:GetEncryptionConfiguration"], [bucket.BucketArn]);
        }

        if (config?.KmsKey is { } key)
        {
            Add(taskDefinition, "ExecDecryptSessions", ["kms:Decrypt"], [key.KeyArn]);
        }
    }

    private static void Add(TaskDefinition taskDefinition, string sid, string[] actions, string[] resources)
        => taskDefinition.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));
}
