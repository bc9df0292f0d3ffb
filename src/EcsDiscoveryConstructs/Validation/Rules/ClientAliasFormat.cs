using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Client aliases: dnsName up to 127 characters of the allowed set, port 1-65535.</summary>
internal sealed partial class ClientAliasFormat : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info { get; } = new(
        "client-alias-format",
        RuleLevel.Error,
        "Each ServiceConnect client alias DnsName is 1-127 lowercase letters, digits, '_', '-' or '.', not starting with '-'; its Port is 1-65535.",
        "ECS rejects other aliases (ServiceConnectClientAlias); CDK checks only the port.");

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints)
        {
            if (endpoint.Source.DnsName is { } dns && TokenGuard.IsConcrete(dns) && !Pattern().IsMatch(dns))
            {
                yield return new Violation($"{endpoint.Path}.DnsName '{dns}'", "is invalid: use 1-127 lowercase letters, digits, '_', '-' or '.', not starting with '-'", "Use a lowercase DNS-style name, e.g. 'orders' or 'orders.internal'.");
            }

            if (endpoint.Source.Port is { } port && port is < 1 or > 65535)
            {
                yield return new Violation($"{endpoint.Path}.Port {port}", "is out of range: use 1-65535", "Use the port clients connect to, e.g. 80.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_][a-z0-9_.-]{0,126}$")]
    private static partial Regex Pattern();
}
