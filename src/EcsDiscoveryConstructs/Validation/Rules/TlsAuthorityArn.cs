using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect TLS names an AWS Private CA authority.</summary>
internal sealed partial class TlsAuthorityArn : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "tls-authority-arn",
        RuleLevel.Error,
        "ServiceConnect endpoint Tls.AwsPcaAuthorityArn is an AWS Private CA certificate-authority ARN.",
        "Service Connect TLS issues certificates from AWS Private CA; CDK only checks that the value starts with 'arn:'.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectTlsCertificateAuthority.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints)
        {
            if (endpoint.Source.Tls?.AwsPcaAuthorityArn is { } arn && TokenGuard.IsConcrete(arn) && !Pattern().IsMatch(arn))
            {
                yield return new Violation(
                    $"{endpoint.Path}.Tls.AwsPcaAuthorityArn '{arn}'",
                    "is not an AWS Private CA authority ARN: expected 'arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>'",
                    "Copy the ARN from 'aws acm-pca list-certificate-authorities'.");
            }
        }
    }

    [GeneratedRegex("^arn:aws[a-z-]*:acm-pca:[a-z0-9-]+:[0-9]{12}:certificate-authority/[0-9a-f-]+$")]
    private static partial Regex Pattern();
}
