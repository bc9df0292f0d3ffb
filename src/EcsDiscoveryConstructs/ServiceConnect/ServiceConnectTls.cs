using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>TLS between Service Connect proxies, with certificates from AWS Private CA.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html</remarks>
public sealed class ServiceConnectTls
{
    /// <summary>The ARN of the AWS Private CA certificate authority that issues the proxies' certificates.</summary>
    public required string AwsPcaAuthorityArn { get; init; }

    /// <summary>The role ECS assumes to issue certificates (needs the ECS infrastructure role permissions for Service Connect TLS).</summary>
    public required IRole Role { get; init; }

    /// <summary>The KMS key that encrypts the private keys.</summary>
    /// <value>Default: an AWS owned key.</value>
    public IKey? KmsKey { get; init; }
}
