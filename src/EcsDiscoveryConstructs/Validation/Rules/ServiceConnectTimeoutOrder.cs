namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>On HTTP-aware endpoints the idle timeout, given or defaulted, is not shorter than the per-request timeout.</summary>
internal sealed class ServiceConnectTimeoutOrder : IPropsRule<FargateServiceSpec>
{
    /// <summary>ECS's idle timeout for HTTP, HTTP2 and gRPC endpoints when none is set (API_TimeoutConfiguration: 5 minutes).</summary>
    public const long HttpIdleDefaultMilliseconds = 5 * 60 * 1000;

    public RuleInfo Info => new(
        "service-connect-timeout-order",
        RuleLevel.Warning,
        "On an HTTP, HTTP2 or gRPC endpoint, the effective IdleTimeout (5 minutes when not set) is not shorter than PerRequestTimeout (0 disables either).",
        "ECS documents that when idleTimeout is less than perRequestTimeout the connection closes at the idle timeout (API_TimeoutConfiguration): long requests fail before the timeout the team chose.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TimeoutConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints.Where(e => e.Port?.AppProtocol is not null && e.Source.PerRequestTimeout is not null))
        {
            var perRequest = TokenGuard.MillisecondsOf(endpoint.Source.PerRequestTimeout!);
            var idle = endpoint.Source.IdleTimeout is null ? HttpIdleDefaultMilliseconds : TokenGuard.MillisecondsOf(endpoint.Source.IdleTimeout);
            // A per-request timeout that is 0 (off) or a token is never above an idle timeout over 0.
            if (idle is > 0 && idle < perRequest)
            {
                var idleText = endpoint.Source.IdleTimeout is null
                    ? $"IdleTimeout (not set; ECS uses 5 minutes for {endpoint.Port!.AppProtocol})"
                    : $"IdleTimeout {TokenGuard.Describe(endpoint.Source.IdleTimeout)}";
                yield return new Violation(
                    $"{endpoint.Path}.{idleText}",
                    $"is shorter than PerRequestTimeout {TokenGuard.Describe(endpoint.Source.PerRequestTimeout!)}: ECS closes the connection at the idle timeout, so a slow request fails before its per-request timeout",
                    "Set IdleTimeout at least as long as PerRequestTimeout (or 0 to disable it).");
            }
        }
    }
}
