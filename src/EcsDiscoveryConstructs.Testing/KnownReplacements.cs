namespace EcsDiscoveryConstructs.Testing;

/// <summary>
/// Properties whose change makes CloudFormation replace the resource ("Update requires: Replacement" in the
/// CloudFormation resource reference), for the resources discovery stacks are made of. A property not listed is
/// reported as an in-place change.
/// </summary>
internal static class KnownReplacements
{
    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        ["AWS::ServiceDiscovery::PrivateDnsNamespace"] = ["Name", "Vpc"],
        ["AWS::ServiceDiscovery::PublicDnsNamespace"] = ["Name"],
        ["AWS::ServiceDiscovery::HttpNamespace"] = ["Name"],
        ["AWS::ServiceDiscovery::Service"] = ["Name", "NamespaceId", "HealthCheckCustomConfig", "Type"],
        ["AWS::ServiceDiscovery::Instance"] = ["InstanceId", "ServiceId"],
        ["AWS::ECS::Service"] = ["ServiceName", "Cluster", "Role", "SchedulingStrategy"],
        ["AWS::ECS::Cluster"] = ["ClusterName"],
        ["AWS::ECS::TaskDefinition"] = ["ContainerDefinitions", "Family", "NetworkMode", "Cpu", "Memory", "TaskRoleArn", "ExecutionRoleArn", "RequiresCompatibilities", "Volumes"],
        ["AWS::Logs::LogGroup"] = ["LogGroupName"],
        ["AWS::IAM::Role"] = ["RoleName", "Path"],
        ["AWS::EC2::SecurityGroup"] = ["GroupName", "GroupDescription", "VpcId"],
        ["AWS::S3::Bucket"] = ["BucketName"],
    };

    /// <summary>True when changing <paramref name="path"/> (from the resource root) replaces a resource of <paramref name="type"/>.</summary>
    public static bool Forces(string? type, string path)
    {
        if (type is null || !ByType.TryGetValue(type, out var properties) || !path.StartsWith("Properties.", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path["Properties.".Length..];
        var end = rest.IndexOfAny(['.', '[']);
        var property = end < 0 ? rest : rest[..end];
        return properties.Contains(property, StringComparer.Ordinal);
    }
}
