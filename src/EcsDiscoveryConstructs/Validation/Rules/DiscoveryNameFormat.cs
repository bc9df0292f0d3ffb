using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Service Connect discovery names: at most 64 lowercase letters, digits, '_' or '-', not starting with '-'.</summary>
internal sealed partial class DiscoveryNameFormat : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "discovery-name-format",
        RuleLevel.Error,
        "Each ServiceConnect discoveryName (given or derived from Name) is 1-64 lowercase letters, digits, '_' or '-', not starting with '-'.",
        "ECS rejects other discovery names; CDK does not check them.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        foreach (var endpoint in subject.Plan.Endpoints)
        {
            if (TokenGuard.IsConcrete(endpoint.DiscoveryName) && !Pattern().IsMatch(endpoint.DiscoveryName))
            {
                var given = endpoint.Source.DiscoveryName is not null;
                yield return new Violation(
                    given ? $"{endpoint.Path}.DiscoveryName '{endpoint.DiscoveryName}'" : $"{endpoint.Path}.DiscoveryName (derived from Name: '{endpoint.DiscoveryName}')",
                    "is invalid: use 1-64 lowercase letters, digits, '_' or '-', not starting with '-'",
                    $"Rename it, e.g. '{Suggest(endpoint.DiscoveryName)}'.");
            }
        }
    }

    private static string Suggest(string name)
    {
        var cleaned = Invalid().Replace(name.ToLowerInvariant(), "-").TrimStart('-');
        return cleaned.Length == 0 ? "api" : cleaned[..Math.Min(64, cleaned.Length)];
    }

    [GeneratedRegex("^[a-z0-9_][a-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex Invalid();
}
