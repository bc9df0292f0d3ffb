using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static EcsDiscoveryConstructs.Tests.Properties.TemplateView;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// What CloudFormation and Cloud Map accept for namespaces and services, written from the AWS API references
/// (CreatePrivateDnsNamespace, CreatePublicDnsNamespace, CreateHttpNamespace, CreateService, DnsRecord, SOA,
/// HealthCheckConfig, HealthCheckCustomConfig, TagResource), independently of the library's rules.
/// </summary>
internal static partial class CloudMapAcceptance
{
    /// <summary>Record-type combinations Cloud Map creates (the API lists A, AAAA, A+AAAA, SRV, CNAME; ECS and aws-cdk integ tests use SRV with A and/or AAAA).</summary>
    private static readonly string[] RecordSets = ["A", "AAAA", "A+AAAA", "SRV", "CNAME", "A+SRV", "AAAA+SRV", "A+AAAA+SRV"];

    public sealed record Namespace(string Id, string Type, string? Name);

    /// <summary>Namespaces of the template by logical id.</summary>
    public static Dictionary<string, Namespace> Namespaces(TemplateView t)
        => new[] { "PrivateDnsNamespace", "PublicDnsNamespace", "HttpNamespace" }
            .SelectMany(kind => t.OfType($"AWS::ServiceDiscovery::{kind}").Select(r => new Namespace(r.Id, kind, Str(r.Properties["Name"]))))
            .ToDictionary(n => n.Id);

    public static IEnumerable<string> Problems(TemplateView t)
    {
        var namespaces = Namespaces(t);
        foreach (var (id, p) in t.OfType("AWS::ServiceDiscovery::PrivateDnsNamespace").Concat(t.OfType("AWS::ServiceDiscovery::PublicDnsNamespace")))
        {
            if (Str(p["Name"]) is { } name && !IsDnsName(name, 253))
            {
                yield return $"{id}: DNS namespace name '{name}' is not a domain name of at most 253 characters";
            }

            if (Num(p["Properties"]?["DnsProperties"]?["SOA"]?["TTL"]) is { } soa && !WholeIn(soa, 0, int.MaxValue))
            {
                yield return $"{id}: SOA TTL {soa} is not a whole number of seconds in 0-2147483647";
            }
        }

        foreach (var (id, _) in t.OfType("AWS::ServiceDiscovery::PrivateDnsNamespace").Where(r => r.Properties["Vpc"] is null))
        {
            yield return $"{id}: private DNS namespace without Vpc";
        }

        foreach (var (id, p) in t.OfType("AWS::ServiceDiscovery::HttpNamespace"))
        {
            if (Str(p["Name"]) is { } name && (name.Length > 1024 || !Printable().IsMatch(name)))
            {
                yield return $"{id}: HTTP namespace name '{name}' is not 1-1024 printable ASCII characters";
            }
        }

        foreach (var kind in new[] { "PrivateDnsNamespace", "PublicDnsNamespace", "HttpNamespace", "Service" })
        {
            foreach (var (id, p) in t.OfType($"AWS::ServiceDiscovery::{kind}"))
            {
                foreach (var problem in DescriptionAndTags(p))
                {
                    yield return $"{id}: {problem}";
                }
            }
        }

        var names = new List<(string Namespace, string Name, bool Dns)>();
        foreach (var (id, p) in t.OfType("AWS::ServiceDiscovery::Service"))
        {
            var dns = p["DnsConfig"] as JsonObject;
            var nsKey = Target(dns?["NamespaceId"] ?? p["NamespaceId"]);
            var ns = nsKey is null ? null : namespaces.GetValueOrDefault(nsKey);
            var name = Str(p["Name"]);
            if (name is not null && !ServiceName().IsMatch(name))
            {
                yield return $"{id}: service name '{name}' does not match the CreateService Name pattern";
            }

            if (nsKey is not null && name is not null)
            {
                names.Add((nsKey, name, dns is not null || ns?.Type != "HttpNamespace"));
            }

            foreach (var problem in Service(p, dns, ns, name))
            {
                yield return $"{id}: {problem}";
            }
        }

        foreach (var group in names.GroupBy(n => (n.Namespace, Name: n.Dns ? n.Name.ToLowerInvariant() : n.Name)).Where(g => g.Count() > 1))
        {
            yield return $"namespace {group.Key.Namespace}: service name '{group.Key.Name}' is used {group.Count()} times";
        }
    }

    /// <summary>Every Cloud Map service name per namespace key (logical id or literal id), for the ECS checks.</summary>
    public static ILookup<string, string> ServiceNames(TemplateView t)
        => t.OfType("AWS::ServiceDiscovery::Service")
            .Select(r => (Ns: Target(r.Properties["DnsConfig"]?["NamespaceId"] ?? r.Properties["NamespaceId"]), Name: Str(r.Properties["Name"])))
            .Where(r => r.Ns is not null && r.Name is not null)
            .ToLookup(r => r.Ns!, r => r.Name!);

    private static IEnumerable<string> Service(JsonObject p, JsonObject? dns, Namespace? ns, string? name)
    {
        var health = p["HealthCheckConfig"] as JsonObject;
        var custom = p["HealthCheckCustomConfig"] as JsonObject;
        if (health is not null && custom is not null)
        {
            yield return "HealthCheckConfig and HealthCheckCustomConfig together";
        }

        if (custom?["FailureThreshold"] is { } ct && Num(ct) is { } c && !WholeIn(c, 1, 10))
        {
            yield return $"custom health FailureThreshold {c} outside 1-10";
        }

        if (health is not null)
        {
            if (ns?.Type == "PrivateDnsNamespace")
            {
                yield return "Route 53 health check in a private DNS namespace";
            }

            if (Num(health["FailureThreshold"]) is { } f && !WholeIn(f, 1, 10))
            {
                yield return $"health check FailureThreshold {f} outside 1-10";
            }

            if (Str(health["Type"]) == "TCP" && health["ResourcePath"] is not null)
            {
                yield return "TCP health check with a ResourcePath";
            }

            if (Str(health["ResourcePath"]) is { Length: > 255 } path)
            {
                yield return $"health check path of {path.Length} characters";
            }
        }

        if (dns is null)
        {
            yield break;
        }

        if (ns?.Type == "HttpNamespace" || Str(p["Type"]) == "HTTP")
        {
            yield return "DnsConfig on a service that cannot have DNS records (HTTP namespace or Type HTTP)";
        }

        var records = Objects(dns["DnsRecords"]).ToList();
        var types = string.Join('+', records.Select(r => Str(r["Type"]) ?? "?").OrderBy(x => Array.IndexOf(["A", "AAAA", "SRV", "CNAME"], x)));
        if (!RecordSets.Contains(types))
        {
            yield return $"record types {types} are not a combination Cloud Map creates";
        }

        foreach (var ttl in records.Select(r => Num(r["TTL"])).OfType<double>().Where(x => !WholeIn(x, 0, int.MaxValue)))
        {
            yield return $"record TTL {ttl} is not a whole number of seconds in 0-2147483647";
        }

        var routing = Str(dns["RoutingPolicy"]) ?? "MULTIVALUE";
        if (routing is not ("MULTIVALUE" or "WEIGHTED"))
        {
            yield return $"routing policy {routing}";
        }

        if (types == "CNAME" && (routing != "WEIGHTED" || health is not null))
        {
            yield return "CNAME records need WEIGHTED routing and no Route 53 health check";
        }

        if (name is not null && ns?.Name is { } nsName && name.Length + 1 + nsName.Length > 253)
        {
            yield return $"DNS name '{name}.{nsName}' is longer than 253 characters";
        }
    }

    private static IEnumerable<string> DescriptionAndTags(JsonObject p)
    {
        if (Str(p["Description"]) is { Length: > 1024 } description)
        {
            yield return $"description of {description.Length} characters";
        }

        var tags = Objects(p["Tags"]).ToList();
        if (tags.Count > 50)
        {
            yield return $"{tags.Count} tags (at most 50)";
        }

        foreach (var tag in tags)
        {
            if (Str(tag["Key"]) is { } key && (key.Length is 0 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"tag key '{key}'";
            }

            if (Str(tag["Value"]) is { Length: > 256 } value)
            {
                yield return $"tag value of {value.Length} characters";
            }
        }
    }

    /// <summary>A domain name Route 53 can host: printable ASCII, at most <paramref name="max"/> characters, labels of 1-63.</summary>
    public static bool IsDnsName(string name, int max)
        => name.Length is > 0 && name.Length <= max && Printable().IsMatch(name) && name.TrimEnd('.').Split('.').All(l => l.Length is > 0 and <= 63);

    [GeneratedRegex("^[!-~]+$")]
    private static partial Regex Printable();

    /// <summary>CreateService Name, from the Cloud Map API reference.</summary>
    [GeneratedRegex(@"((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\.$)")]
    private static partial Regex ServiceName();
}
