using System.Text.Json.Nodes;
using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Validation;
using EcsCfnService = Amazon.CDK.AWS.ECS.CfnService;
using SdCfnService = Amazon.CDK.AWS.ServiceDiscovery.CfnService;

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
        var inStack = stack.Node.FindAll().OfType<CfnResource>().Where(r => Stack.Of(r) == stack).ToList();
        // Each read is a call into the CDK, made from inside synthesis: the whole stack is walked once when it is the scope.
        var inScope = scope == stack ? inStack.ToHashSet() : scope.Node.FindAll().OfType<CfnResource>().Where(r => Stack.Of(r) == stack).ToHashSet();
        var ids = LogicalIds(inStack);

        var namespaces = inStack.Select(r => (Resource: r, Kind: KindOf(r.CfnResourceType))).Where(n => n.Kind is not null)
            .ToDictionary(n => ids[n.Resource], n => Namespace(n.Resource, ids[n.Resource], n.Kind!));
        var scaling = ScalingByTarget(inStack.Where(r => r.CfnResourceType == "AWS::ApplicationAutoScaling::ScalableTarget"));
        var ecs = inStack.OfType<EcsCfnService>().Select(e => Ecs(e, ids[e], scaling, namespaces)).ToList();
        var instanceCounts = inStack.Where(r => r.CfnResourceType == NamespacePrefix + "Instance")
            .Select(r => Target(Resolve(((Amazon.CDK.AWS.ServiceDiscovery.CfnInstance)r).ServiceId)))
            .OfType<string>()
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var used = new HashSet<string>(StringComparer.Ordinal);
        var services = new List<ModelService>();
        foreach (var sd in inStack.OfType<SdCfnService>().Where(inScope.Contains))
        {
            var logicalId = ids[sd];
            var resolved = ResolveEach(sd.NamespaceId, sd.DnsConfig, sd.HealthCheckConfig, sd.HealthCheckCustomConfig);
            var dns = resolved[1] as JsonObject;
            // Not a pattern variable: mutation testing removes the early exit, which would leave it unassigned.
            var nsId = Target(resolved[0]) ?? Target(dns?["namespaceId"]) ?? Imported(namespaces, Text(resolved[0]));
            var ns = nsId is null ? null : namespaces.GetValueOrDefault(nsId);
            if (ns is null)
            {
                continue;
            }

            used.Add(ns.LogicalId);
            var registrants = ecs.Where(e => e.RegistryLogicalId == logicalId).ToList();
            var declared = instanceCounts.GetValueOrDefault(logicalId);
            services.Add(new ModelService(
                logicalId,
                sd.AttrId,
                Present(sd.Name) ?? sd.AttrName,
                ns.LogicalId,
                (dns?["dnsRecords"] as JsonArray ?? []).OfType<JsonObject>().Select(r => new ModelRecord(Text(r["type"]) ?? "?", Int(r["ttl"]) ?? 0)).ToList(),
                Text(dns?["routingPolicy"]),
                resolved[3] is not null ? "Custom" : resolved[2] is not null ? "Route53" : "None",
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
        };
    }

    /// <summary>
    /// The logical ids of the discovery resources under <paramref name="scope"/> in its stack (namespaces, Cloud Map
    /// services and instances, ECS services): the canary's scope, as tokens the template resolves.
    /// </summary>
    public static string[] ScopeLogicalIds(IConstruct scope)
    {
        var stack = Stack.Of(scope);
        return [.. scope.Node.FindAll().OfType<CfnResource>()
            .Where(r => Stack.Of(r) == stack && (r.CfnResourceType.StartsWith(NamespacePrefix, StringComparison.Ordinal) || r.CfnResourceType == "AWS::ECS::Service"))
            .Select(r => stack.GetLogicalId(r))];
    }

    private static string? KindOf(string type) => type switch
    {
        NamespacePrefix + "PrivateDnsNamespace" => "PrivateDns",
        NamespacePrefix + "PublicDnsNamespace" => "PublicDns",
        NamespacePrefix + "HttpNamespace" => "Http",
        _ => null,
    };

    private Dictionary<CfnResource, string> LogicalIds(List<CfnResource> resources)
        => resources.ToDictionary(r => r, r => Text(Resolve(r.LogicalId)) ?? r.Node.Path);

    private ModelNamespace Namespace(CfnResource resource, string logicalId, string kind)
    {
        var (name, properties) = resource switch
        {
            Amazon.CDK.AWS.ServiceDiscovery.CfnPrivateDnsNamespace p => (p.Name, p.Properties),
            Amazon.CDK.AWS.ServiceDiscovery.CfnPublicDnsNamespace p => (p.Name, p.Properties),
            Amazon.CDK.AWS.ServiceDiscovery.CfnHttpNamespace p => (p.Name, (object?)null),
            _ => (null, null),
        };
        var soaTtl = Int((Resolve(properties) as JsonObject)?["dnsProperties"]?["soa"]?["ttl"]);
        var attrId = resource.GetAtt("Id").ToString()!;
        return new ModelNamespace(resource, logicalId, attrId, Present(name) ?? resource.GetAtt("Name").ToString()!, kind, soaTtl);
    }

    private Dictionary<string, (int? Min, int? Max)> ScalingByTarget(IEnumerable<CfnResource> targets)
    {
        var result = new Dictionary<string, (int? Min, int? Max)>(StringComparer.Ordinal);
        foreach (var target in targets.OfType<Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget>())
        {
            var resolved = ResolveEach(target.ResourceId, target.MinCapacity, target.MaxCapacity);
            foreach (var id in Targets(resolved[0]))
            {
                result.TryAdd(id, (Int(resolved[1]), Int(resolved[2])));
            }
        }

        return result;
    }

    private EcsFacts Ecs(EcsCfnService service, string logicalId, Dictionary<string, (int? Min, int? Max)> scaling, Dictionary<string, ModelNamespace> namespaces)
    {
        var resolved = ResolveEach(service.DesiredCount, service.ServiceRegistries, service.ServiceConnectConfiguration);
        var desired = Int(resolved[0]);
        var (min, max) = scaling.TryGetValue(logicalId, out var s) ? s : (null, null);
        var sc = resolved[2] as JsonObject;
        var endpoints = (sc?["services"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => Text(e["discoveryName"]) ?? Text(e["portName"]) ?? "?")
            .ToList();
        return new EcsFacts(
            service,
            logicalId,
            Present(service.ServiceName) ?? service.AttrName,
            min ?? desired,
            max ?? desired,
            Target((resolved[1] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()?["registryArn"]),
            Target(sc?["namespace"]) ?? NamespaceNamed(namespaces.Values, Text(sc?["namespace"])) ?? Imported(namespaces, Text(sc?["namespace"])),
            endpoints)
        {
            ClusterName = ClusterName(service.Cluster),
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

    // Stryker disable once Conditional : saves a call into the CDK; resolving null gives null too.
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

    private sealed record EcsFacts(CfnResource Resource, string LogicalId, string Name, int? Min, int? Max, string? RegistryLogicalId, string? ServiceConnectNamespace, IReadOnlyList<string> Endpoints)
    {
        /// <summary>Its cluster's name (a token while CloudFormation names it), or null when the template gives it another way (an ARN attribute, an import).</summary>
        public string? ClusterName { get; init; }
    }
}
