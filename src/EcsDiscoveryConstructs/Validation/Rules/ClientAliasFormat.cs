using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Client aliases: dnsName up to 127 characters of the allowed set, port 1-65535.</summary>
internal sealed partial class ClientAliasFormat : IPropsRule<FargateServiceSpec>
{
    /// <summary>Longest client alias ECS accepts.</summary>
    public const int MaxLength = 127;

    public RuleInfo Info => new(
        "client-alias-format",
        RuleLevel.Error,
        "Each ServiceConnect client alias DnsName (given, or derived as discoveryName.namespace, lower-cased) is 1-127 lowercase letters, digits, '_', '-' or '.', not starting with '-'; its Port is 1-65535.",
        "ECS rejects other aliases (ServiceConnectClientAlias); CDK checks only the port.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints)
        {
            // The effective alias: the one given, or the one derived from the discovery name and the namespace.
            var alias = endpoint.AliasDnsName;
            if (TokenGuard.IsConcrete(alias) && !Pattern().IsMatch(alias))
            {
                var given = endpoint.Source.DnsName is not null;
                yield return new Violation(
                    given ? $"{endpoint.Path}.DnsName '{alias}'" : $"{endpoint.Path}.DnsName (not set; derived from the discovery name and namespace: '{alias}')",
                    alias.Length > MaxLength ? $"has {alias.Length} characters: use at most {MaxLength}" : $"is invalid: use 1-{MaxLength} lowercase letters, digits, '_', '-' or '.', not starting with '-'",
                    given ? "Use a lowercase DNS-style name, e.g. 'orders' or 'orders.internal'." : $"Set {endpoint.Path}.DnsName to a short alias, e.g. 'orders', or use a shorter namespace or discovery name.");
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
