using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The registry ARN is a Cloud Map service ARN.</summary>
internal sealed partial class RegistryArn : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "registry-arn",
        RuleLevel.Error,
        "CloudMap.ImportedService.ServiceArn is a Cloud Map service ARN ('...:service/srv-...') and ServiceId the 'srv-' id at the end of that ARN.",
        "ECS serviceRegistries.registryArn takes the Cloud Map service ARN; a namespace id or ARN is a common mistake that fails only at deploy time.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.CloudMap?.ImportedService is not { } imported)
        {
            yield break;
        }

        if (TokenGuard.IsConcrete(imported.ServiceArn) && !ServiceArn().IsMatch(imported.ServiceArn))
        {
            var hint = imported.ServiceArn.StartsWith("ns-", StringComparison.Ordinal) || imported.ServiceArn.Contains(":namespace/", StringComparison.Ordinal)
                ? "that is a namespace, not a Cloud Map service"
                : "expected 'arn:<partition>:servicediscovery:<region>:<account>:service/srv-...'";
            yield return new Violation($"CloudMap.ImportedService.ServiceArn '{imported.ServiceArn}'", $"is not a Cloud Map service ARN: {hint}", "Copy the service's Arn from 'aws servicediscovery list-services'.");
        }

        if (TokenGuard.IsConcrete(imported.ServiceId) && !ServiceId().IsMatch(imported.ServiceId))
        {
            yield return new Violation($"CloudMap.ImportedService.ServiceId '{imported.ServiceId}'", "is not a Cloud Map service id: expected 'srv-...'", "Copy the service's Id from 'aws servicediscovery list-services'.");
        }
        else if (TokenGuard.IsConcrete(imported.ServiceId) && TokenGuard.IsConcrete(imported.ServiceArn)
                 && ServiceArn().Match(imported.ServiceArn) is { Success: true } match && match.Groups["id"].Value != imported.ServiceId)
        {
            yield return new Violation(
                $"CloudMap.ImportedService.ServiceId '{imported.ServiceId}'",
                $"is not the service ServiceArn names ('{match.Groups["id"].Value}')",
                "Pass the id and the ARN of the same Cloud Map service.");
        }
    }

    [GeneratedRegex("^srv-[a-z0-9]+$")]
    private static partial Regex ServiceId();

    [GeneratedRegex("^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:[0-9]{12}:service/(?<id>srv-[a-z0-9]+)$")]
    private static partial Regex ServiceArn();
}
