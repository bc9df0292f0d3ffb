using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>HTTP(S) check paths start with '/' and have at most 255 characters.</summary>
internal sealed class Route53HealthCheckPath : IPropsRule<DiscoveryServiceSpec>
{
    /// <summary>Longest ResourcePath Cloud Map accepts.</summary>
    public const int MaxLength = 255;

    public RuleInfo Info => new(
        "route53-health-check-path",
        RuleLevel.Error,
        "Route53HealthCheck.ResourcePath starts with '/' and has at most 255 characters.",
        "HealthCheckConfig.ResourcePath is limited to 255 characters; Route 53 requests the path as given.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        var check = subject.Route53HealthCheck;
        var path = check?.ResourcePath;
        if (check is null || path is null || check.Type == HealthCheckType.TCP || !TokenGuard.IsConcrete(path))
        {
            yield break;
        }

        if (!path.StartsWith('/') || path.Length > MaxLength)
        {
            yield return new Violation($"Route53HealthCheck.ResourcePath '{path}'", $"is invalid: use a path starting with '/' of at most {MaxLength} characters", "Use the health endpoint's path, e.g. '/health'.");
        }
    }
}
