using System.Text.Json;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Expectations;

/// <summary>
/// The expected model as a JSON document (version 1), so a process without the cloud assembly (the canary in the VPC)
/// checks exactly what <c>verify</c> would: namespaces (stack, logical id, optional id, name, kind, SOA TTL) and
/// services (stack, source, optional id, name, namespace logical id, records, routing, health kind, instance range, ECS
/// service names, Service Connect). Absent optional members read as null. Names are the literal values CloudFormation resolved at deploy; a name still unresolved stays null and its
/// checks are skipped, as in <c>verify</c>.
/// </summary>
public static class ExpectedModelJson
{
    /// <summary>The format version written and the only one read.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Writes <paramref name="state"/>.</summary>
    public static string Write(ExpectedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var namespaces = new JsonArray(state.Namespaces.Select(n =>
        {
            var json = new JsonObject
            {
                ["stack"] = n.Stack,
                ["logicalId"] = n.LogicalId,
                ["id"] = n.Id,
                ["name"] = n.Name.Literal,
                ["kind"] = n.Kind.ToString(),
                ["soaTtl"] = n.SoaTtl,
            };
            if (n.Imported)
            {
                json["imported"] = true;
                json["ownerAccount"] = n.OwnerAccount;
            }

            return (JsonNode)json;
        }).ToArray());
        var services = new JsonArray(state.Services.Select(s => (JsonNode)new JsonObject
        {
            ["stack"] = s.Stack,
            ["source"] = s.Source,
            ["id"] = s.Id,
            ["name"] = s.Name.Literal,
            ["namespace"] = s.Namespace.LogicalId,
            ["dnsRecords"] = new JsonArray(s.DnsRecords.Select(r => (JsonNode)new JsonObject { ["type"] = r.Type, ["ttl"] = r.Ttl }).ToArray()),
            ["routingPolicy"] = s.RoutingPolicy,
            ["healthCheck"] = s.HealthCheck?.ToString(),
            ["minInstances"] = s.MinInstances,
            ["maxInstances"] = s.MaxInstances,
            ["ecsServiceNames"] = new JsonArray(s.EcsServiceNames.Where(n => n.IsResolved).Select(n => (JsonNode)JsonValue.Create(n.Literal)!).ToArray()),
            ["serviceConnect"] = s.ServiceConnect,
        }).ToArray());
        return new JsonObject { ["version"] = Version, ["namespaces"] = namespaces, ["services"] = services }.ToJsonString(Compact);
    }

    /// <summary>Reads a model; throws <see cref="InputException"/> naming the JSON path of anything of the wrong shape.</summary>
    public static ExpectedState Read(string json, string source = "expected model")
    {
        var root = UntrustedJson.Object(UntrustedJson.Parse(json, source), source, "$")!;
        if (root["version"] is not JsonValue v || !v.TryGetValue<int>(out var version) || version != Version)
        {
            throw new InputException($"{source}: version is {root["version"]?.ToJsonString() ?? "missing"}, expected {Version}");
        }

        var namespaces = new Dictionary<string, ExpectedNamespace>(StringComparer.Ordinal);
        var namespaceArray = UntrustedJson.Array(root["namespaces"], source, "$.namespaces");
        for (var i = 0; i < namespaceArray.Count; i++)
        {
            var path = $"$.namespaces[{i}]";
            var n = UntrustedJson.Object(namespaceArray[i], source, path)!;
            var logicalId = Required(n, source, path, "logicalId");
            if (!Enum.TryParse<NamespaceKind>(Required(n, source, path, "kind"), out var kind) || !Enum.IsDefined(kind))
            {
                throw new InputException($"{source}: {path}.kind is not one of {string.Join(", ", Enum.GetNames<NamespaceKind>())}");
            }

            var imported = n["imported"] switch
            {
                null => false,
                JsonValue flag when flag.TryGetValue<bool>(out var on) => on,
                _ => throw new InputException($"{source}: {path}.imported is not true or false"),
            };
            var owner = Optional(n, source, path, "ownerAccount");
            if (owner is not null && !(owner.Length == 12 && owner.All(char.IsAsciiDigit)))
            {
                throw new InputException($"{source}: {path}.ownerAccount is not a 12-digit account id");
            }

            var id = Optional(n, source, path, "id");
            if (imported && id is null)
            {
                throw new InputException($"{source}: {path} is imported but has no id");
            }

            if (!namespaces.TryAdd(logicalId, new ExpectedNamespace(Required(n, source, path, "stack"), logicalId, Name(n, source, path), kind, Long(n, source, path, "soaTtl")) { Id = id, Imported = imported, OwnerAccount = owner }))
            {
                throw new InputException($"{source}: {path}.logicalId '{logicalId}' appears twice");
            }
        }

        var services = new List<ExpectedService>();
        var serviceArray = UntrustedJson.Array(root["services"], source, "$.services");
        for (var i = 0; i < serviceArray.Count; i++)
        {
            var path = $"$.services[{i}]";
            var s = UntrustedJson.Object(serviceArray[i], source, path)!;
            var nsId = Required(s, source, path, "namespace");
            if (!namespaces.TryGetValue(nsId, out var ns))
            {
                throw new InputException($"{source}: {path}.namespace '{nsId}' is not a namespace of the model");
            }

            var records = UntrustedJson.Array(s["dnsRecords"], source, $"{path}.dnsRecords").Select((r, j) =>
            {
                var record = UntrustedJson.Object(r, source, $"{path}.dnsRecords[{j}]")!;
                return new DnsRecordInfo(Required(record, source, $"{path}.dnsRecords[{j}]", "type"), Long(record, source, $"{path}.dnsRecords[{j}]", "ttl") ?? 0);
            }).ToList();
            HealthCheckKind? health = UntrustedJson.String(s["healthCheck"], source, $"{path}.healthCheck") is { } h
                ? Enum.TryParse<HealthCheckKind>(h, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new InputException($"{source}: {path}.healthCheck is not one of {string.Join(", ", Enum.GetNames<HealthCheckKind>())}")
                : null;
            var ecsNames = UntrustedJson.Array(s["ecsServiceNames"], source, $"{path}.ecsServiceNames")
                .Select((e, j) => new TemplateValue(UntrustedJson.String(e, source, $"{path}.ecsServiceNames[{j}]"), null)).ToList();
            services.Add(new ExpectedService(
                Required(s, source, path, "stack"),
                Required(s, source, path, "source"),
                Name(s, source, path),
                ns,
                records,
                UntrustedJson.String(s["routingPolicy"], source, $"{path}.routingPolicy"),
                health,
                (int?)Long(s, source, path, "minInstances"),
                (int?)Long(s, source, path, "maxInstances"),
                ecsNames,
                s["serviceConnect"] is JsonValue b && b.TryGetValue<bool>(out var sc) && sc)
            {
                Id = Optional(s, source, path, "id"),
            });
        }

        return new ExpectedState([.. namespaces.Values], services);
    }

    private static string Required(JsonObject o, string source, string path, string key)
        => UntrustedJson.String(o[key], source, $"{path}.{key}") is { Length: > 0 } value ? value : throw new InputException($"{source}: {path}.{key} is missing");

    private static string? Optional(JsonObject o, string source, string path, string key)
    {
        var value = UntrustedJson.String(o[key], source, $"{path}.{key}");
        return value is { Length: 0 } ? throw new InputException($"{source}: {path}.{key} is empty") : value;
    }

    private static TemplateValue Name(JsonObject o, string source, string path)
        => UntrustedJson.String(o["name"], source, $"{path}.name") is { } name ? new TemplateValue(name, null) : new TemplateValue(null, "unresolved in the model");

    private static long? Long(JsonObject o, string source, string path, string key)
        => o[key] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<long>(out var n) && n >= 0 && n <= int.MaxValue => n,
            var other => throw UntrustedJson.Unexpected(other, source, $"{path}.{key}", "a whole number from 0 to 2147483647"),
        };
}
