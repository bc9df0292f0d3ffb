using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>cdk-nag acknowledgements the examples share, each with its reason.</summary>
public static class Acknowledge
{
    /// <summary>AwsSolutions-ECS2 on a task definition whose environment carries discovery endpoints.</summary>
    public static void EndpointVariables(DiscoverableFargateService service)
        => Nag.Acknowledge(service.TaskDefinition, "AwsSolutions-ECS2", "The environment holds only service endpoints (host names, ports, Cloud Map names) written by ConnectTo, no secrets.");

    /// <summary>AwsSolutions-IAM5 on a task role whose wildcard statements are ECS Exec's.</summary>
    public static void ExecWildcards(DiscoverableFargateService service)
        => Nag.Acknowledge(service.TaskDefinition.TaskRole.Node.TryFindChild("DefaultPolicy")!, "AwsSolutions-IAM5", "ECS Exec: ssmmessages channel actions and logs:DescribeLogGroups have no resource-level permissions; log-stream and S3 statements are scoped to the audit log group and bucket prefix.");
}
