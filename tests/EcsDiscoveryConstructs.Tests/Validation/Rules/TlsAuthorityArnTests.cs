using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class TlsAuthorityArnTests
{
    private static ServiceConnectTls Tls(Stack stack, string arn) => new()
    {
        AwsPcaAuthorityArn = arn,
        Role = Amazon.CDK.AWS.IAM.Role.FromRoleArn(stack, "TlsRole", "arn:aws:iam::123456789012:role/ecs-sc-tls"),
    };

    [Fact]
    public void PcaArn_IsEmittedAsTls()
    {
        var w = new Workloads();
        const string Arn = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666";
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", Tls = Tls(w.Stack, Arn) });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Services"] = new object[]
                {
                    Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Tls"] = new Dictionary<string, object>
                        {
                            ["IssuerCertificateAuthority"] = new Dictionary<string, object> { ["AwsPcaAuthorityArn"] = Arn },
                            ["RoleArn"] = "arn:aws:iam::123456789012:role/ecs-sc-tls",
                        },
                    }),
                },
            }),
        });
    }

    [Fact]
    public void AcmCertificateArn_FailsWithMessage()
    {
        var w = new Workloads();
        const string Arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d";
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", Tls = Tls(w.Stack, Arn) }));
        Assert.Equal(
            $"DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].Tls.AwsPcaAuthorityArn '{Arn}' is not an AWS Private CA authority ARN: expected 'arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>'. Copy the ARN from 'aws acm-pca list-certificate-authorities'. [ecs-discovery:tls-authority-arn]",
            error.Message);
    }
}
