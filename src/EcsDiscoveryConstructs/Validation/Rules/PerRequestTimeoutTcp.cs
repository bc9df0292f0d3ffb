namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Per-request timeouts need an HTTP-aware protocol.</summary>
internal sealed class PerRequestTimeoutTcp : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "per-request-timeout-tcp",
        RuleLevel.Error,
        "No PerRequestTimeout on an endpoint whose port mapping has no appProtocol (TCP).",
        "A TCP proxy cannot see requests; ECS rejects perRequestTimeoutSeconds for TCP and CDK does not check it.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TimeoutConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints.Where(e => e.IsTcp && e.Source.PerRequestTimeout is not null))
        {
            yield return new Violation(
                $"{endpoint.Path}.PerRequestTimeout",
                $"cannot be used with port mapping '{endpoint.Source.PortMappingName}', which has no AppProtocol (TCP)",
                "Remove PerRequestTimeout, or set AppProtocol = AppProtocol.Http (or Http2, Grpc) on the port mapping.");
        }
    }
}
