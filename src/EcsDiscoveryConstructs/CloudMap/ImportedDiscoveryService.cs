using System.Text.RegularExpressions;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>A Cloud Map service that exists outside this app: the CDK's import, with what the library's checks read.</summary>
internal sealed partial class ImportedDiscoveryService : IDiscoveryService
{
    private ImportedDiscoveryService(IService service, DiscoveryServiceAttributes attributes)
    {
        CloudMapService = service;
        ServiceArn = attributes.ServiceArn;
        ServiceId = attributes.ServiceId;
        ServiceName = attributes.ServiceName;
        Namespace = attributes.Namespace;
        DnsRecords = attributes.DnsRecords;
    }

    public static RuleInfo Info => new(
        "registry-arn",
        RuleLevel.Error,
        "An imported Cloud Map service's ServiceArn is a Cloud Map service ARN ('...:service/srv-...') and its ServiceId the 'srv-' id at the end of that ARN.",
        "ECS serviceRegistries.registryArn takes the Cloud Map service ARN; a namespace id or ARN is a common mistake that fails only at deploy time.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceRegistry.html" };

    public IService CloudMapService { get; }

    public string ServiceArn { get; }

    public string ServiceId { get; }

    public string ServiceName { get; }

    public IDiscoveryNamespace Namespace { get; }

    public DiscoveryRecordTypes DnsRecords { get; }

    public Node Node => CloudMapService.Node;

    public Amazon.CDK.Stack Stack => CloudMapService.Stack;

    public Amazon.CDK.IResourceEnvironment Env => CloudMapService.Env;

    public void ApplyRemovalPolicy(Amazon.CDK.RemovalPolicy policy) => CloudMapService.ApplyRemovalPolicy(policy);

    /// <summary>Imports the service at <paramref name="id"/>; throws <see cref="DiscoveryValidationException"/> when the attributes do not name one.</summary>
    public static ImportedDiscoveryService Create(Construct scope, string id, DiscoveryServiceAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var path = scope.Node.Path is { Length: > 0 } parent ? $"{parent}/{id}" : id;
        RequiredProps.CheckAt(nameof(DiscoveryService), path, ("ServiceArn", attributes.ServiceArn), ("ServiceId", attributes.ServiceId), ("ServiceName", attributes.ServiceName), ("Namespace", attributes.Namespace));
        var problems = Check(attributes).Select(v => RuleRunner.Format(nameof(DiscoveryService), path, Info, v)).ToList();
        if (problems.Count > 0)
        {
            throw new DiscoveryValidationException(nameof(DiscoveryService), path, problems);
        }

        var service = Service.FromServiceAttributes(scope, id, new ServiceAttributes
        {
            Namespace = attributes.Namespace.CloudMapNamespace,
            ServiceArn = attributes.ServiceArn,
            ServiceId = attributes.ServiceId,
            ServiceName = attributes.ServiceName,
            DnsRecordType = DnsRecordMapping.ToCdk(attributes.DnsRecords == DiscoveryRecordTypes.None ? DiscoveryRecordTypes.A : attributes.DnsRecords),
            RoutingPolicy = RoutingPolicy.MULTIVALUE,
        });
        return new ImportedDiscoveryService(service, attributes);
    }

    private static IEnumerable<Violation> Check(DiscoveryServiceAttributes imported)
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
