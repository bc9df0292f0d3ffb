namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect timeouts are whole seconds.</summary>
internal sealed class ServiceConnectTimeouts : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info { get; } = new(
        "service-connect-timeouts",
        RuleLevel.Error,
        "IdleTimeout and PerRequestTimeout are whole seconds (0 disables).",
        "TimeoutConfiguration takes whole seconds; CDK rounds or rejects sub-second values inconsistently.");

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
            }
        }
    }
}
