using System.Text.Json.Nodes;
using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Validation;
using EcsCfnService = Amazon.CDK.AWS.ECS.CfnService;
using SdCfnService = Amazon.CDK.AWS.ServiceDiscovery.CfnService;
using CfnScalableTarget = Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget;
using CfnInstance = Amazon.CDK.AWS.ServiceDiscovery.CfnInstance;
using CfnPrivateDnsNamespace = Amazon.CDK.AWS.ServiceDiscovery.CfnPrivateDnsNamespace;
using CfnPublicDnsNamespace = Amazon.CDK.AWS.ServiceDiscovery.CfnPublicDnsNamespace;
using CfnHttpNamespace = Amazon.CDK.AWS.ServiceDiscovery.CfnHttpNamespace;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// Collects, when the app is synthesized, what the CloudFormation resources under a scope hold for discovery
/// (namespaces, Cloud Map services, the clusters of the ECS services that register there): what the canary's role may
/// read, and whether it has anything to check. What the canary checks is not derived here: it reads its deployed
/// template at run time with the code <c>verify</c> uses. Reads resources of any origin (the library's, CDK L2s, L1s).
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
        var scaling = new Dictionary<string, (int? Min, int? Max)>(StringComparer.Ordinal);
        foreach (var (targets, min, max) in found.Where(f => f.Scaling is not null).Select(f => f.Scaling!.Value))
        {
            foreach (var id in targets)
            {
                scaling.TryAdd(id, (min, max));
            }
        }

        var ecs = found.Where(f => f.Ecs is not null).Select(f => Ecs(f, scaling, namespaces)).ToList();
        var instanceCounts = found.Select(f => f.InstanceOf).OfType<string>()
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var used = new HashSet<string>(StringComparer.Ordinal);
        var services = new List<ModelService>();
        foreach (var (f, sd) in found.Where(f => f.CloudMap is not null && inScope.Contains(f.Resource)).Select(f => (f, f.CloudMap!)))
        {
            var nsId = Target(sd.NamespaceId) ?? Target(sd.Dns?["namespaceId"]) ?? Imported(namespaces, Text(sd.NamespaceId));
            if (nsId is null || !namespaces.TryGetValue(nsId, out var ns))
            {
                continue;
            }

            used.Add(ns.LogicalId);
            var registrants = ecs.Where(e => e.RegistryLogicalId == f.LogicalId).ToList();
            var declared = instanceCounts.GetValueOrDefault(f.LogicalId);
            services.Add(new ModelService(
                f.LogicalId,
                sd.Id,
                sd.Name,
                ns.LogicalId,
                (sd.Dns?["dnsRecords"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new ModelRecord(Text(r["type"]) ?? "?", Int(r["ttl"]) ?? 0)).ToList(),
                Text(sd.Dns?["routingPolicy"]),
                sd.HealthCheck,
                registrants.Count == 0 ? declared : Sum(registrants.Select(r => r.Min)),
                registrants.Count == 0 ? declared : Sum(registrants.Select(r => r.Max)),
                registrants.Select(r => r.Name).ToList(),
                ServiceConnect: false));
        }

        foreach (var e in ecs.Where(e => inScope.Contains(e.Resource) && e.ServiceConnectNamespace is not null && namespaces.ContainsKey(e.ServiceConnectNamespace)))
        {
            used.Add(e.ServiceConnectNamespace!);
            services.AddRange(e.Endpoints.Select(name => new ModelService(e.LogicalId, null, name, e.ServiceConnectNamespace!, [], null, null, e.Min, e.Max, [e.Name], ServiceConnect: true)));
        }

        var kept = namespaces.Values.Where(n => used.Contains(n.LogicalId) || (n.Resource is not null && inScope.Contains(n.Resource))).ToList();
        var checkedServices = services.Select(m => m.Source).ToHashSet(StringComparer.Ordinal);
        var registering = ecs.Where(e => (e.RegistryLogicalId is not null && checkedServices.Contains(e.RegistryLogicalId)) || checkedServices.Contains(e.LogicalId)).ToList();
        return new CanaryModel(stack.StackName, kept, services)
        {
            Clusters = [.. registering.Select(e => e.ClusterName).Distinct(StringComparer.Ordinal)],
            ScopeLogicalIds = [.. found.Where(f => f.InScopeMetadata && inScope.Contains(f.Resource)).Select(f => f.LogicalId)],
        };
    }

    /// <summary>
    /// Whether a resource may hold discovery facts, told by its class where that needs no call into the CDK; a resource
    /// declared as a plain <see cref="CfnResource"/> is kept and told by its type when read.
    /// </summary>
    private static bool IsDiscoveryResource(CfnResource resource) => resource is CfnPrivateDnsNamespace or CfnPublicDnsNamespace or CfnHttpNamespace
        or SdCfnService or CfnInstance or EcsCfnService or CfnScalableTarget || resource.GetType() == typeof(CfnResource);

    /// <summary>What one resource of the stack holds for discovery; null for another stack's resource.</summary>
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
        return KindOf(type) is { } kind ? found with { Namespace = Namespace(resource, logicalId, kind) }
            : resource switch
            {
                SdCfnService sd => found with { CloudMap = ReadCloudMap(sd) },
                CfnInstance instance => found with { InstanceOf = Target(Resolve(instance.ServiceId)) },
                EcsCfnService service => found with { Ecs = ReadEcs(service) },
                CfnScalableTarget target => found with { Scaling = ReadScaling(target) },
                _ => found,
            };
    }

    private CloudMapRead ReadCloudMap(SdCfnService sd)
    {
        var resolved = ResolveEach(sd.NamespaceId, sd.DnsConfig, sd.HealthCheckConfig, sd.HealthCheckCustomConfig);
        var healthCheck = resolved[3] is not null ? "Custom" : resolved[2] is not null ? "Route53" : "None";
        return new CloudMapRead(sd.AttrId, Present(sd.Name) ?? sd.AttrName, resolved[0], resolved[1] as JsonObject, healthCheck);
    }

    private (IReadOnlyList<string> Targets, int? Min, int? Max) ReadScaling(CfnScalableTarget target)
    {
        var resolved = ResolveEach(target.ResourceId, target.MinCapacity, target.MaxCapacity);
        return ([.. Targets(resolved[0])], Int(resolved[1]), Int(resolved[2]));
    }

    private EcsRead ReadEcs(EcsCfnService service)
    {
        var resolved = ResolveEach(service.DesiredCount, service.ServiceRegistries, service.ServiceConnectConfiguration);
        return new EcsRead(Present(service.ServiceName) ?? service.AttrName, Int(resolved[0]), resolved[1] as JsonArray, resolved[2] as JsonObject, ClusterName(service.Cluster));
    }

    private static string? KindOf(string type) => type switch
    {
        NamespacePrefix + "PrivateDnsNamespace" => "PrivateDns",
        NamespacePrefix + "PublicDnsNamespace" => "PublicDns",
        NamespacePrefix + "HttpNamespace" => "Http",
        _ => null,
    };

    private ModelNamespace Namespace(CfnResource resource, string logicalId, string kind)
    {
        var (name, properties) = resource switch
        {
            CfnPrivateDnsNamespace p => (p.Name, p.Properties),
            CfnPublicDnsNamespace p => (p.Name, p.Properties),
            CfnHttpNamespace p => (p.Name, (object?)null),
            _ => (null, null),
        };
        var soaTtl = Int((Resolve(properties) as JsonObject)?["dnsProperties"]?["soa"]?["ttl"]);
        var attrId = resource.GetAtt("Id").ToString()!;
        return new ModelNamespace(resource, logicalId, attrId, Present(name) ?? resource.GetAtt("Name").ToString()!, kind, soaTtl);
    }

    private static EcsFacts Ecs(Found found, Dictionary<string, (int? Min, int? Max)> scaling, Dictionary<string, ModelNamespace> namespaces)
    {
        var read = found.Ecs!;
        var (min, max) = scaling.TryGetValue(found.LogicalId, out var s) ? s : (null, null);
        var endpoints = (read.ServiceConnect?["services"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => Text(e["discoveryName"]) ?? Text(e["portName"]) ?? "?")
            .ToList();
        var scNamespace = read.ServiceConnect?["namespace"];
        return new EcsFacts(
            found.Resource,
            found.LogicalId,
            read.Name,
            min ?? read.Desired,
            max ?? read.Desired,
            Target(read.Registries?.OfType<JsonObject>().FirstOrDefault()?["registryArn"]),
            Target(scNamespace) ?? NamespaceNamed(namespaces.Values, Text(scNamespace)) ?? Imported(namespaces, Text(scNamespace)),
            endpoints)
        {
            ClusterName = read.ClusterName,
        };
    }

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
    /// <paramref name="namespaces"/> the first time; null for anything else. Its name and type are the live one's.
    /// </summary>
    private static string? Imported(Dictionary<string, ModelNamespace> namespaces, string? literal)
    {
        if (Shared.NamespaceReference.Parse(literal) is not { } found)
        {
            return null;
        }

        var key = Shared.NamespaceReference.Key(found.Id, found.Owner);
        namespaces.TryAdd(key, new ModelNamespace(null, key, found.Id, found.Id, "Http", null) { Imported = true, OwnerAccount = found.Owner });
        return key;
    }

    /// <summary>The namespace Service Connect names by its literal name (ECS takes a name or an ARN), when exactly one has that name.</summary>
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

    /// <summary>Each value resolved on its own (resolving an array drops its unset members and shifts the rest).</summary>
    private JsonNode?[] ResolveEach(params object?[] values) => values.Select(Resolve).ToArray();

    private static string? Text(JsonNode? node) => Shared.CfnReferences.String(node);

    private static int? Int(JsonNode? node) => Shared.CfnReferences.Int(node);

    private static string? Target(JsonNode? node) => Shared.CfnReferences.Target(node);

    private static IEnumerable<string> Targets(JsonNode? node) => Shared.CfnReferences.Targets(node);

    private static int? Sum(IEnumerable<int?> counts)
    {
        var list = counts.ToList();
        return list.Any(c => c is null) ? null : list.Sum();
    }

    /// <summary>A resource of the stack, read once: its logical id and what its kind holds for discovery.</summary>
    private sealed record Found(CfnResource Resource, string LogicalId)
    {
        /// <summary>Whether the canary's scope metadata lists it (namespaces, Cloud Map services and instances, ECS services).</summary>
        public bool InScopeMetadata { get; init; }

        public ModelNamespace? Namespace { get; init; }

        public CloudMapRead? CloudMap { get; init; }

        public string? InstanceOf { get; init; }

        public EcsRead? Ecs { get; init; }

        public (IReadOnlyList<string> Targets, int? Min, int? Max)? Scaling { get; init; }
    }

    /// <summary>A Cloud Map service's id token, name, resolved namespace and DNS settings, and health check kind.</summary>
    private sealed record CloudMapRead(string Id, string Name, JsonNode? NamespaceId, JsonObject? Dns, string HealthCheck);

    /// <summary>An ECS service's name, desired count, resolved registries and Service Connect configuration, and cluster name.</summary>
    private sealed record EcsRead(string Name, int? Desired, JsonArray? Registries, JsonObject? ServiceConnect, string? ClusterName);

    private sealed record EcsFacts(CfnResource Resource, string LogicalId, string Name, int? Min, int? Max, string? RegistryLogicalId, string? ServiceConnectNamespace, IReadOnlyList<string> Endpoints)
    {
        /// <summary>Its cluster's name (a token while CloudFormation names it), or null when the template gives it another way (an ARN attribute, an import).</summary>
        public string? ClusterName { get; init; }
    }
}
