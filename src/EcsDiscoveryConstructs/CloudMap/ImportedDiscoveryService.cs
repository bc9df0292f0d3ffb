using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map service that exists outside this app: the CDK's import, with what the library's checks read. A jsii
/// object (not a construct of its own), so CDK APIs that take a resource take it; its node, stack and environment are
/// the import's.
/// </summary>
internal sealed class ImportedDiscoveryService : Amazon.JSII.Runtime.Deputy.DeputyBase, IDiscoveryService
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
        RequiredProps.CheckAt(nameof(DiscoveryService), RequiredProps.ChildPath(scope, id), ("ServiceArn", attributes.ServiceArn), ("ServiceId", attributes.ServiceId), ("ServiceName", attributes.ServiceName), ("Namespace", attributes.Namespace));
        var service = Service.FromServiceAttributes(scope, id, new ServiceAttributes
        {
            Namespace = attributes.Namespace.CloudMapNamespace,
            ServiceArn = attributes.ServiceArn,
            ServiceId = attributes.ServiceId,
            ServiceName = attributes.ServiceName,
            DnsRecordType = DnsRecordMapping.ToCdk(attributes.DnsRecords == DiscoveryRecordTypes.None ? DiscoveryRecordTypes.A : attributes.DnsRecords),
            RoutingPolicy = RoutingPolicy.MULTIVALUE,
        });
        RuleRunner.Apply(service, nameof(DiscoveryService), attributes, RuleCatalog.ServiceImportRules);
        return new ImportedDiscoveryService(service, attributes);
    }
}
