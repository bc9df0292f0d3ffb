namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect timeouts are whole seconds.</summary>
internal sealed class ServiceConnectTimeouts : IPropsRule<FargateServiceSpec>
{
    /// <summary>The longest timeout ECS accepts (TimeoutConfiguration: 0-2147483647 seconds).</summary>
    public const long MaxSeconds = int.MaxValue;

    public RuleInfo Info => new(
        "service-connect-timeouts",
        RuleLevel.Error,
        "IdleTimeout and PerRequestTimeout are whole seconds from 0 to 2147483647 (0 disables).",
        "TimeoutConfiguration takes whole seconds in 0-2147483647; CDK rounds or rejects sub-second values inconsistently and does not check the upper bound.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TimeoutConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints)
        {
            foreach (var (name, value) in new[] { ("IdleTimeout", endpoint.Source.IdleTimeout), ("PerRequestTimeout", endpoint.Source.PerRequestTimeout) })
            {
                if (value is not null && TokenGuard.MillisecondsOf(value) is { } millis && millis % 1000 != 0)
                {
                    yield return new Violation($"{endpoint.Path}.{name} {TokenGuard.Describe(value)}", "is not a whole number of seconds", $"Use Duration.Seconds(n); 0 disables the timeout.");
                }
                else if (value is not null && TokenGuard.MillisecondsOf(value) > MaxSeconds * 1000)
                {
                    yield return new Violation($"{endpoint.Path}.{name} {TokenGuard.Describe(value)}", $"is out of range: use 0-{MaxSeconds} seconds", "Use a timeout of minutes or hours, e.g. Duration.Minutes(5); 0 disables the timeout.");
                }
            }
        }
    }
}
