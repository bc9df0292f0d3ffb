using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;

namespace EcsDiscoveryConstructs.Services;

/// <summary>ECS properties Amazon.CDK.Lib 2.160.0 cannot express through its L2s; each writes one L1 property path.</summary>
internal static class EcsOverrides
{
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
}
