using System.Text.Json.Nodes;
using Amazon.CDK;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>A namespace of the expected model; <see cref="Id"/> and a computed <see cref="Name"/> are tokens.</summary>
/// <param name="Resource">Its resource in the stack; null for a namespace used by a literal id or ARN.</param>
/// <param name="LogicalId">Its logical id, or the key of a namespace used by id or ARN.</param>
/// <param name="Id">Its id (a token until CloudFormation creates it).</param>
/// <param name="Name">Its name (the id for a namespace used by id or ARN, whose name the stack does not know).</param>
/// <param name="Kind">PrivateDns, PublicDns or Http (a placeholder for a namespace used by id or ARN).</param>
/// <param name="SoaTtl">The SOA TTL of a DNS namespace, when set.</param>
internal sealed record ModelNamespace(CfnResource? Resource, string LogicalId, string Id, string Name, string Kind, int? SoaTtl)
{
    /// <summary>True for a namespace the stack uses by a literal id or ARN (imported, or shared by another account): found by id.</summary>
    public bool Imported { get; init; }

    /// <summary>The owner account of such a namespace named by ARN.</summary>
    public string? OwnerAccount { get; init; }

    /// <summary>Its ARN: the literal one for a namespace shared by another account, else in the stack's account.</summary>
    public string Arn(Stack stack) => stack.FormatArn(new ArnComponents { Service = "servicediscovery", Resource = "namespace", ResourceName = Id, Account = OwnerAccount, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
}

/// <summary>One DNS record type and TTL of a Cloud Map service.</summary>
internal sealed record ModelRecord(string Type, int Ttl);

/// <summary>A Cloud Map service of the expected model; <see cref="Id"/> (null for Service Connect) and computed names are tokens.</summary>
internal sealed record ModelService(
    string Source,
    string? Id,
    string Name,
    string Namespace,
    IReadOnlyList<ModelRecord> DnsRecords,
    string? RoutingPolicy,
    string? HealthCheck,
    int? MinInstances,
    int? MaxInstances,
    IReadOnlyList<string> EcsServiceNames,
    bool ServiceConnect);

/// <summary>
/// The expected model a canary checks, in the verifier's JSON format version 1 (plus each resource's id), with the
/// values CloudFormation resolves at deploy left as tokens.
/// </summary>
internal sealed record CanaryModel(string Stack, IReadOnlyList<ModelNamespace> Namespaces, IReadOnlyList<ModelService> Services)
{
    /// <summary>
    /// The clusters of the ECS services that register into the checked services (names, tokens while CloudFormation
    /// names them; null for one the template gives another way): what the role may read in ECS. Not part of the JSON.
    /// </summary>
    public IReadOnlyList<string?> Clusters { get; init; } = [];

    /// <summary>The format version the canary reads.</summary>
    public const int Version = 1;

    /// <summary>Lambda's limit on all of a function's environment variables together, in bytes.</summary>
    public const int EnvironmentLimit = 4096;

    /// <summary>The longest a Cloud Map namespace or service id can be.</summary>
    private const int IdLongest = 20;

    /// <summary>The longest a name can be.</summary>
    private const int NameLongest = 255;

    /// <summary>
    /// The model as JSON-ready values; <paramref name="value"/> maps every string (a token stays a token), given the
    /// most characters the value can have once CloudFormation resolves it.
    /// </summary>
    public JsonObject ToJson(Func<string, int, JsonNode?> value)
    {
        // An ECS service name CloudFormation generates is the stack name and up to 80 more characters.
        var ecsNameLongest = Math.Min(NameLongest, Stack.Length + 80);
        JsonNode? Text(string? text, int longest) => text is null ? null : value(text, longest);
        JsonObject Compact(JsonObject o)
        {
            foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                o.Remove(key);
            }

            return o;
        }

        return new JsonObject
        {
            ["version"] = Version,
            ["namespaces"] = new JsonArray(Namespaces.Select(n => (JsonNode)Compact(new JsonObject
            {
                ["stack"] = Text(Stack, NameLongest),
                ["logicalId"] = n.LogicalId,
                ["id"] = Text(n.Id, IdLongest),
                ["name"] = Text(n.Name, NameLongest),
                ["kind"] = n.Kind,
                ["soaTtl"] = n.SoaTtl,
                ["imported"] = n.Imported ? true : null,
                ["ownerAccount"] = n.OwnerAccount,
            })).ToArray()),
            ["services"] = new JsonArray(Services.Select(s => (JsonNode)Compact(new JsonObject
            {
                ["stack"] = Text(Stack, NameLongest),
                ["source"] = s.Source,
                ["id"] = Text(s.Id, IdLongest),
                ["name"] = Text(s.Name, NameLongest),
                ["namespace"] = s.Namespace,
                ["dnsRecords"] = new JsonArray(s.DnsRecords.Select(r => (JsonNode)new JsonObject { ["type"] = r.Type, ["ttl"] = r.Ttl }).ToArray()),
                ["routingPolicy"] = s.RoutingPolicy,
                ["healthCheck"] = s.HealthCheck,
                ["minInstances"] = s.MinInstances,
                ["maxInstances"] = s.MaxInstances,
                ["ecsServiceNames"] = new JsonArray(s.EcsServiceNames.Select(e => Text(e, ecsNameLongest)).ToArray()),
                ["serviceConnect"] = s.ServiceConnect,
            })).ToArray()),
        };
    }

    /// <summary>
    /// The most bytes the model's JSON can take once CloudFormation resolves it: each token counted at the longest value
    /// it can take (ids 20; an ECS service name CloudFormation generates: the stack name and 80 more; other names 255).
    /// </summary>
    public int EstimatedBytes() => System.Text.Encoding.UTF8.GetByteCount(LongestJson());

    /// <summary>
    /// The most bytes the function's environment can take as Lambda counts it: the JSON of the variable map, the model
    /// (at its <see cref="EstimatedBytes"/> longest) under <paramref name="modelVariable"/> beside <paramref name="others"/>.
    /// </summary>
    public int EnvironmentBytes(string modelVariable, IReadOnlyDictionary<string, string> others)
    {
        var variables = new Dictionary<string, string>(others) { [modelVariable] = LongestJson() };
        var options = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return System.Text.Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(variables, options));
    }

    private string LongestJson()
        => ToJson((text, longest) => JsonValue.Create(!EcsDiscoveryConstructs.Validation.TokenGuard.IsConcrete(text) ? new string('x', longest) : text)).ToJsonString();
}
