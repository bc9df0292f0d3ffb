using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>An imported Cloud Map service is named by its service ARN and the id at its end (what ECS serviceRegistries takes).</summary>
internal sealed partial class RegistryArn : IPropsRule<DiscoveryServiceAttributes>
{
    public RuleInfo Info => new(
        "registry-arn",
        RuleLevel.Error,
        "An imported Cloud Map service's ServiceArn is a Cloud Map service ARN ('...:service/srv-...') and its ServiceId the 'srv-' id at the end of that ARN.",
        "ECS serviceRegistries.registryArn takes the Cloud Map service ARN; a namespace id or ARN is a common mistake that fails only at deploy time.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceAttributes imported)
    {
        if (TokenGuard.IsConcrete(imported.ServiceArn) && !ServiceArnPattern().IsMatch(imported.ServiceArn))
        {
            var hint = imported.ServiceArn.StartsWith("ns-", StringComparison.Ordinal) || imported.ServiceArn.Contains(":namespace/", StringComparison.Ordinal)
                ? "that is a namespace, not a Cloud Map service"
                : "expected 'arn:<partition>:servicediscovery:<region>:<account>:service/srv-...'";
            yield return new Violation($"ServiceArn '{imported.ServiceArn}'", $"is not a Cloud Map service ARN: {hint}", "Copy the service's Arn from 'aws servicediscovery list-services'.");
        }

        if (TokenGuard.IsConcrete(imported.ServiceId) && !ServiceIdPattern().IsMatch(imported.ServiceId))
        {
            yield return new Violation($"ServiceId '{imported.ServiceId}'", "is not a Cloud Map service id: expected 'srv-...'", "Copy the service's Id from 'aws servicediscovery list-services'.");
        }
        else if (TokenGuard.IsConcrete(imported.ServiceId) && TokenGuard.IsConcrete(imported.ServiceArn)
                 && ServiceArnPattern().Match(imported.ServiceArn) is { Success: true } match && match.Groups["id"].Value != imported.ServiceId)
        {
            yield return new Violation($"ServiceId '{imported.ServiceId}'", $"is not the service ServiceArn names ('{match.Groups["id"].Value}')", "Pass the id and the ARN of the same Cloud Map service.");
        }
    }

    [GeneratedRegex("^srv-[a-z0-9]+$")]
    private static partial Regex ServiceIdPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:[0-9]{12}:service/(?<id>srv-[a-z0-9]+)$")]
    private static partial Regex ServiceArnPattern();
}
