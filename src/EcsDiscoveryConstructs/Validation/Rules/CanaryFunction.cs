using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The function's memory and DNS settings are ones Lambda and the canary take.</summary>
internal sealed class CanaryFunction : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-function",
        RuleLevel.Error,
        "DiscoveryCanary MemorySize is 128-10240 MB; DnsResolver is ip, ipv4:port or [ipv6]:port and is set only with DnsChecks on.",
        "Lambda refuses other memory sizes at deploy; the canary exits on a resolver it cannot parse, and a resolver with DNS checks off would be silently unused.") { Reference = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html" };

    public IEnumerable<Violation> Check(CanarySpec subject)
    {
        var props = subject.Props;
        if (props.MemorySize is < 128 or > 10240)
        {
            yield return new Violation($"MemorySize {props.MemorySize}", "is outside Lambda's 128-10240 MB", "Use a size from 128 to 10240 (default 256).");
        }

        if (props.DnsResolver is { } resolver)
        {
            if (!TokenGuard.IsConcrete(resolver) || CanaryResolver.Parse(resolver) is null)
            {
                yield return new Violation($"DnsResolver '{resolver}'", "is not ip, ipv4:port or [ipv6]:port (IPv4 in dotted decimal without leading zeros, IPv6 without a zone, port 1-65535)", "Use e.g. \"10.0.0.2\" or \"10.0.0.2:53\", or leave it unset for the VPC's resolver.");
            }
            else if (!props.DnsChecks)
            {
                yield return new Violation($"DnsResolver '{resolver}'", "is set while DnsChecks is false, so nothing would ask it", "Remove DnsResolver, or turn DnsChecks on.");
            }
        }
    }
}
