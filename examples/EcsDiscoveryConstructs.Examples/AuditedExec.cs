using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using EcsDiscoveryConstructs.Exec;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>The audited ECS Exec setup the Exec examples share, created as direct children of the stack.</summary>
public static class AuditedExec
{
    /// <summary>An access-log bucket, the Exec audit (key, log group, bucket) and the network whose cluster uses it.</summary>
    public static (ExampleNetwork Network, ExecAudit Audit) Network(Stack stack)
    {
        var accessLogs = new Bucket(stack, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Nag.Acknowledge(accessLogs, "AwsSolutions-S1", "This is the server access log destination; logging it to itself would loop. In a real account use the organization's central log bucket.");
        var audit = new ExecAudit(stack, "ExecAudit", new ExecAuditProps { S3Bucket = true, ServerAccessLogsBucket = accessLogs });
        return (new ExampleNetwork(stack, "Network", audit.ClusterConfiguration), audit);
    }

    /// <summary>The role people assume to open Exec sessions into the "app" containers of <paramref name="network"/>'s cluster.</summary>
    public static ExecOperatorRole Operators(Stack stack, ExampleNetwork network)
    {
        var operators = new ExecOperatorRole(stack, "ExecOperators", new ExecOperatorRoleProps
        {
            Cluster = network.Cluster,
            AssumedBy = new AccountRootPrincipal(),
            ContainerNames = ["app"],
        });
        Nag.Acknowledge(operators.Policy, "AwsSolutions-IAM5", "Exec needs the cluster's task ARNs (task/<cluster>/*) and ecs:ListTasks on '*' narrowed by the ecs:cluster condition; tasks get new ids on every deployment.");
        return operators;
    }
}
