using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;

namespace EcsDiscoveryConstructs.Services;

/// <summary>ECS properties Amazon.CDK.Lib 2.160.0 cannot express through its L2s; each writes one L1 property path.</summary>
internal static class EcsOverrides
{
    /// <summary>
    /// Sets <c>ContainerDefinitions[index].LinuxParameters.InitProcessEnabled</c>: the L2 fixes linux parameters when the
    /// container is created and offers no way to turn the init process on afterwards.
    /// </summary>
    public static void EnableInitProcess(CfnTaskDefinition taskDefinition, int index)
        => taskDefinition.AddPropertyOverride($"ContainerDefinitions.{index}.LinuxParameters.InitProcessEnabled", true);

    /// <summary>Sets <c>EnableExecuteCommand</c> on the L1 service, without the L2's broader automatic grants (which add <c>kms:*</c> to the key policy).</summary>
    public static void EnableExecuteCommand(CfnService service) => service.EnableExecuteCommand = true;

    /// <summary>Sets <c>ServiceConnectConfiguration.Services[index].Tls</c> (not in the 2.160.0 L2).</summary>
    public static void SetServiceConnectTls(CfnService service, int index, ServiceConnectTls tls)
    {
        var value = new Dictionary<string, object>
        {
            ["IssuerCertificateAuthority"] = new Dictionary<string, object> { ["AwsPcaAuthorityArn"] = tls.AwsPcaAuthorityArn },
            ["RoleArn"] = tls.Role.RoleArn,
        };
        if (tls.KmsKey is not null)
        {
            value["KmsKey"] = tls.KmsKey.KeyArn;
        }

        service.AddPropertyOverride($"ServiceConnectConfiguration.Services.{index}.Tls", value);
    }

    /// <summary>Sets the cluster's <c>ServiceConnectDefaults.Namespace</c> to an existing namespace (the 2.160.0 L2 only creates a new one).</summary>
    public static void SetServiceConnectDefaultNamespace(CfnCluster cluster, string namespaceArn)
        => cluster.AddPropertyOverride("ServiceConnectDefaults.Namespace", namespaceArn);

    /// <summary>Sets <c>ServiceConnectConfiguration.AccessLogConfiguration</c> (not in the 2.160.0 L2 or L1).</summary>
    public static void SetServiceConnectAccessLogs(CfnService service, ServiceConnectAccessLogs logs)
        => service.AddPropertyOverride("ServiceConnectConfiguration.AccessLogConfiguration", new Dictionary<string, object>
        {
            ["Format"] = logs.Json ? "JSON" : "TEXT",
            ["IncludeQueryParameters"] = logs.IncludeQueryParameters ? "ENABLED" : "DISABLED",
        });
}
