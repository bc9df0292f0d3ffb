using System.Text.Json.Nodes;
using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Validation;
using CfnHttpNamespace = Amazon.CDK.AWS.ServiceDiscovery.CfnHttpNamespace;
using CfnInstance = Amazon.CDK.AWS.ServiceDiscovery.CfnInstance;
using CfnPrivateDnsNamespace = Amazon.CDK.AWS.ServiceDiscovery.CfnPrivateDnsNamespace;
using CfnPublicDnsNamespace = Amazon.CDK.AWS.ServiceDiscovery.CfnPublicDnsNamespace;
using EcsCfnService = Amazon.CDK.AWS.ECS.CfnService;
using SdCfnService = Amazon.CDK.AWS.ServiceDiscovery.CfnService;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// Collects, when the app is synthesized, what the canary's role may read: the namespaces and Cloud Map services under
/// a scope (and the namespaces they use), and the clusters of the ECS services that register there; and whether there
/// is anything to check. What the canary checks is not derived here: it reads its deployed template at run time with
/// the code <c>verify</c> uses. Reads resources of any origin (the library's, CDK L2s, L1s).
/// </summary>
internal sealed class ExpectedModelCollector(IConstruct scope)
{
    private const string NamespacePrefix = "AWS::ServiceDiscovery::";

    private readonly Stack stack = Stack.Of(scope);

    /// <summary>Collects the model; an empty one has no namespace.</summary>
    public CanaryModel Collect()
    {
        // One request lists the tree; every read of a resource happens in slices (CallbackSlices), as this runs inside synthesis.
        var candidates = stack.Node.FindAll().OfType<CfnResource>().Where(IsDiscoveryResource).ToList();
        var found = CallbackSlices.Map(stack, candidates, Read).OfType<Found>().ToList();
        var inScope = scope == stack ? found.Select(f => f.Resource).ToHashSet() : scope.Node.FindAll().OfType<CfnResource>().ToHashSet();
        var namespaces = found.Where(f => f.Namespace is not null).ToDictionary(f => f.LogicalId, f => f.Namespace!);

        var services = new List<ModelService>();
        foreach (var (f, sd) in found.Where(f => f.CloudMap is not null && inScope.Contains(f.Resource)).Select(f => (f, f.CloudMap!)))
        {
            var nsId = Target(sd.NamespaceId) ?? Target(sd.DnsNamespaceId) ?? Imported(namespaces, Text(sd.NamespaceId));
            if (nsId is not null && namespaces.ContainsKey(nsId))
            {
                services.Add(new ModelService(f.LogicalId, sd.Id, nsId));
            }
        }

        var ecs = found.Where(f => f.Ecs is not null).Select(f => (Found: f, Read: f.Ecs!, ScNamespace: ServiceConnectNamespace(f.Ecs!, namespaces))).ToList();
        foreach (var e in ecs.Where(e => inScope.Contains(e.Found.Resource) && e.ScNamespace is not null && namespaces.ContainsKey(e.ScNamespace) && e.Read.Endpoints > 0))
        {
            services.Add(new ModelService(e.Found.LogicalId, null, e.ScNamespace!));
        }

        var used = services.Select(s => s.Namespace).ToHashSet(StringComparer.Ordinal);
        var kept = namespaces.Values.Where(n => used.Contains(n.LogicalId) || (n.Resource is not null && inScope.Contains(n.Resource))).ToList();
        var checkedServices = services.Select(m => m.Source).ToHashSet(StringComparer.Ordinal);
        var registering = ecs.Where(e => (e.Read.RegistryLogicalId is { } registry && checkedServices.Contains(registry)) || checkedServices.Contains(e.Found.LogicalId));
        return new CanaryModel(kept, services)
        {
            Clusters = [.. registering.Select(e => e.Read.ClusterName).Distinct(StringComparer.Ordinal)],
            ScopeLogicalIds = [.. found.Where(f => f.InScopeMetadata && inScope.Contains(f.Resource)).Select(f => f.LogicalId)],
        };
    }

    /// <summary>
    /// Whether a resource may hold discovery facts, told by its class where that needs no call into the CDK; a resource
    /// declared as a plain <see cref="CfnResource"/> is kept and told by its type when read.
    /// </summary>
    private static bool IsDiscoveryResource(CfnResource resource) => resource is CfnPrivateDnsNamespace or CfnPublicDnsNamespace or CfnHttpNamespace
        or SdCfnService or CfnInstance or EcsCfnService || resource.GetType() == typeof(CfnResource);

    private static bool IsNamespace(string type) => type is NamespacePrefix + "PrivateDnsNamespace" or NamespacePrefix + "PublicDnsNamespace" or NamespacePrefix + "HttpNamespace";

    /// <summary>What one resource of the stack holds for the role; null for another stack's resource.</summary>
    private Found? Read(CfnResource resource)
    {
        if (Stack.Of(resource) != stack)
        {
            return null;
        }

        var type = resource.CfnResourceType;
        var logicalId = Text(Resolve(resource.LogicalId)) ?? resource.Node.Path;
        var found = new Found(resource, logicalId)
        {
            InScopeMetadata = type.StartsWith(NamespacePrefix, StringComparison.Ordinal) || type == "AWS::ECS::Service",
        };
        return IsNamespace(type) ? found with { Namespace = ReadNamespace(resource, logicalId) }
            : resource switch
            {
                SdCfnService sd => found with { CloudMap = ReadCloudMap(sd) },
                EcsCfnService service => found with { Ecs = ReadEcs(service) },
                _ => found,
            };
    }

    private ModelNamespace ReadNamespace(CfnResource resource, string logicalId)
    {
        var name = resource switch
        {
            CfnPrivateDnsNamespace p => p.Name,
            CfnPublicDnsNamespace p => p.Name,
            CfnHttpNamespace p => p.Name,
            _ => null,
        };
        return new ModelNamespace { Resource = resource, LogicalId = logicalId, Id = resource.GetAtt("Id").ToString()!, Name = Present(name) ?? resource.GetAtt("Name").ToString()! };
    }

    private CloudMapRead ReadCloudMap(SdCfnService sd)
        => new(sd.AttrId, Resolve(sd.NamespaceId), (Resolve(sd.DnsConfig) as JsonObject)?["namespaceId"]);

    private EcsRead ReadEcs(EcsCfnService service)
    {
        var registries = Resolve(service.ServiceRegistries) as JsonArray;
        var serviceConnect = Resolve(service.ServiceConnectConfiguration) as JsonObject;
        return new EcsRead(
            Target(registries?.OfType<JsonObject>().FirstOrDefault()?["registryArn"]),
            serviceConnect?["namespace"],
            (serviceConnect?["services"] as JsonArray)?.Count ?? 0,
            ClusterName(service.Cluster));
    }

    /// <summary>The key of the namespace an ECS service's Service Connect configuration names: by reference, by its literal name (ECS takes a name or an ARN), or by a literal id or ARN.</summary>
    private static string? ServiceConnectNamespace(EcsRead read, Dictionary<string, ModelNamespace> namespaces)
        => Target(read.ServiceConnectNamespace) ?? NamespaceNamed(namespaces.Values, Text(read.ServiceConnectNamespace)) ?? Imported(namespaces, Text(read.ServiceConnectNamespace));

    /// <summary>
    /// The cluster's name from a service's <c>Cluster</c>: a literal name, the name part of a literal cluster ARN, or the
    /// token itself when it is a <c>Ref</c> (a cluster's Ref is its name); null otherwise (e.g. <c>Fn::GetAtt Arn</c>).
    /// </summary>
    private string? ClusterName(string? cluster)
    {
        if (cluster is null)
        {
            return null;
        }

        if (TokenGuard.IsConcrete(cluster))
        {
            return cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster[(cluster.LastIndexOf('/') + 1)..] : cluster;
        }

        return Resolve(cluster) is JsonObject reference && reference.Count == 1 && reference["Ref"] is not null ? cluster : null;
    }

    /// <summary>
    /// The key of a namespace named by a literal id or ARN (imported, or shared by another account), added to
    /// <paramref name="namespaces"/> the first time; null for anything else. Its name is the live one's.
    /// </summary>
    private static string? Imported(Dictionary<string, ModelNamespace> namespaces, string? literal)
    {
        if (Shared.NamespaceReference.Parse(literal) is not { } found)
        {
            return null;
        }

        var key = Shared.NamespaceReference.Key(found.Id, found.Owner);
        namespaces.TryAdd(key, new ModelNamespace { LogicalId = key, Id = found.Id, Name = found.Id, Imported = true, OwnerAccount = found.Owner });
        return key;
    }

    /// <summary>The namespace Service Connect names by its literal name, when exactly one has that name.</summary>
    private static string? NamespaceNamed(IEnumerable<ModelNamespace> namespaces, string? name)
    {
        var named = namespaces.Where(n => name is not null && n.Name == name).Take(2).ToList();
        return named.Count == 1 ? named[0].LogicalId : null;
    }

    private JsonNode? Resolve(object? value) => value is null ? null : CdkJson.ToNode(stack.Resolve(value));

    /// <summary>
    /// <paramref name="value"/> when it holds something: an L2 without a name gives its L1 a token that resolves to
    /// nothing (the physical name it would generate only for cross-environment use), which the template then omits.
    /// </summary>
    private string? Present(string? value) => value is null || (!TokenGuard.IsConcrete(value) && Resolve(value) is null) ? null : value;

    private static string? Text(JsonNode? node) => Shared.CfnReferences.String(node);

    private static string? Target(JsonNode? node) => Shared.CfnReferences.Target(node);

    /// <summary>A resource of the stack, read once: its logical id and what its kind holds for the role.</summary>
    private sealed record Found(CfnResource Resource, string LogicalId)
    {
        /// <summary>Whether the canary's scope metadata lists it (namespaces, Cloud Map services and instances, ECS services).</summary>
        public bool InScopeMetadata { get; init; }

        public ModelNamespace? Namespace { get; init; }

        public CloudMapRead? CloudMap { get; init; }

        public EcsRead? Ecs { get; init; }
    }

    /// <summary>A Cloud Map service's id token and its namespace, as <c>NamespaceId</c> or <c>DnsConfig.NamespaceId</c> give it.</summary>
    private sealed record CloudMapRead(string Id, JsonNode? NamespaceId, JsonNode? DnsNamespaceId);

    /// <summary>An ECS service's registry, Service Connect namespace and endpoint count, and cluster name.</summary>
    private sealed record EcsRead(string? RegistryLogicalId, JsonNode? ServiceConnectNamespace, int Endpoints, string? ClusterName);
}
