using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static EcsDiscoveryConstructs.Tests.Properties.TemplateView;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// What Cloud Map's RegisterInstance (behind <c>AWS::ServiceDiscovery::Instance</c>) accepts, written from the API
/// reference independently of the library's rules and readers: the Attributes key and value patterns and lengths, the
/// 30 custom attributes and 5,000 characters in all, InstanceId, the reserved attributes each record type and a Route 53
/// health check require, addresses as Route 53 answers them (IPv4 dotted decimal; IPv6 by RFC 3986's IPv6address
/// grammar), ports 1-65535, and one instance per id in a service.
/// </summary>
internal static partial class InstanceAcceptance
{
    private static readonly string[] Reserved = ["AWS_ALIAS_DNS_NAME", "AWS_EC2_INSTANCE_ID", "AWS_INIT_HEALTH_STATUS", "AWS_INSTANCE_CNAME", "AWS_INSTANCE_IPV4", "AWS_INSTANCE_IPV6", "AWS_INSTANCE_PORT"];

    public static IEnumerable<string> Problems(TemplateView t)
    {
        var services = t.OfType("AWS::ServiceDiscovery::Service").ToDictionary(s => s.Id, s => s.Properties);
        var ids = new HashSet<(string?, string)>();
        foreach (var (id, p) in t.OfType("AWS::ServiceDiscovery::Instance"))
        {
            var service = Target(p["ServiceId"]) is { } serviceId && services.TryGetValue(serviceId, out var s) ? s : null;
            if (Str(p["InstanceId"]) is { } instanceId && (!InstanceId().IsMatch(instanceId) || !ids.Add((Target(p["ServiceId"]), instanceId))))
            {
                yield return $"{id}: InstanceId '{instanceId}' is malformed or registered twice in its service";
            }

            foreach (var problem in AttributeProblems(p["InstanceAttributes"] as JsonObject ?? [], service))
            {
                yield return $"{id}: {problem}";
            }
        }
    }

    private static IEnumerable<string> AttributeProblems(JsonObject attributes, JsonObject? service)
    {
        var total = 0;
        foreach (var (key, node) in attributes)
        {
            var value = Str(node);
            total += key.Length + (value?.Length ?? 0);
            if (!Key().IsMatch(key) || key.Length > 255)
            {
                yield return $"attribute key '{key}'";
            }

            if (key.StartsWith("AWS_", StringComparison.Ordinal) && !Reserved.Contains(key))
            {
                yield return $"attribute key '{key}' is not one Cloud Map defines";
            }

            if (value is not null && (value.Length > 1024 || !Value().IsMatch(value)))
            {
                yield return $"attribute '{key}' value '{value}'";
            }
        }

        if (total > 5000)
        {
            yield return $"attributes of {total} characters";
        }

        if (attributes.Count(a => !a.Key.StartsWith("AWS_", StringComparison.Ordinal)) > 30)
        {
            yield return "more than 30 custom attributes";
        }

        string? Attribute(string key) => attributes[key] is { } n ? Str(n) ?? "<token>" : null;
        var (ipv4, ipv6, port, cname) = (Attribute("AWS_INSTANCE_IPV4"), Attribute("AWS_INSTANCE_IPV6"), Attribute("AWS_INSTANCE_PORT"), Attribute("AWS_INSTANCE_CNAME"));
        if (ipv4 is not (null or "<token>") && !Ipv4().IsMatch(ipv4))
        {
            yield return $"AWS_INSTANCE_IPV4 '{ipv4}' is not dotted decimal";
        }

        if (ipv6 is not (null or "<token>") && !IsIpv6(ipv6))
        {
            yield return $"AWS_INSTANCE_IPV6 '{ipv6}' is not an RFC 3986 IPv6address";
        }

        if (port is not (null or "<token>") && !(int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65535))
        {
            yield return $"AWS_INSTANCE_PORT '{port}'";
        }

        if (cname is not (null or "<token>") && !CloudMapAcceptance.IsDnsName(cname, cname.EndsWith('.') ? 254 : 253))
        {
            yield return $"AWS_INSTANCE_CNAME '{cname}' is not a domain name";
        }

        if (attributes["AWS_INIT_HEALTH_STATUS"] is { } init && Str(init) is { } status && status is not ("HEALTHY" or "UNHEALTHY"))
        {
            yield return $"AWS_INIT_HEALTH_STATUS '{status}'";
        }

        if (service is null || attributes["AWS_ALIAS_DNS_NAME"] is not null || attributes["AWS_EC2_INSTANCE_ID"] is not null)
        {
            yield break;
        }

        var types = Objects(service["DnsConfig"]?["DnsRecords"]).Select(r => Str(r["Type"])).ToHashSet();
        if (types.Contains("A") && ipv4 is null || types.Contains("AAAA") && ipv6 is null || types.Contains("CNAME") && cname is null)
        {
            yield return $"the service's {string.Join('+', types)} records lack their address";
        }

        if (types.Contains("SRV") && (port is null || ipv4 is null && ipv6 is null))
        {
            yield return "an SRV record without AWS_INSTANCE_PORT and an address";
        }

        if (service["HealthCheckConfig"] is not null && port is null)
        {
            yield return "a Route 53 health check without AWS_INSTANCE_PORT";
        }
    }

    /// <summary>True when <paramref name="text"/> is an RFC 3986 IPv6address.</summary>
    public static bool IsIpv6(string text) => Ipv6().IsMatch(text);

    [GeneratedRegex(@"^[0-9a-zA-Z_/:.@-]{1,64}\z")]
    private static partial Regex InstanceId();

    [GeneratedRegex(@"^[!-~]+\z")]
    private static partial Regex Key();

    [GeneratedRegex(@"^([!-~][ \t!-~]*)?\z")]
    private static partial Regex Value();

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z")]
    private static partial Regex Ipv4();

    private const string H16 = "[0-9A-Fa-f]{1,4}";
    private const string DecOctet = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private const string Ls32 = "(?:" + H16 + ":" + H16 + "|(?:" + DecOctet + "\\.){3}" + DecOctet + ")";

    /// <summary>RFC 3986 section 3.2.2, IPv6address, alternative by alternative.</summary>
    [GeneratedRegex("^(?:(?:" + H16 + ":){6}" + Ls32
        + "|::(?:" + H16 + ":){5}" + Ls32
        + "|(?:" + H16 + ")?::(?:" + H16 + ":){4}" + Ls32
        + "|(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3}" + Ls32
        + "|(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2}" + Ls32
        + "|(?:(?:" + H16 + ":){0,3}" + H16 + ")?::" + H16 + ":" + Ls32
        + "|(?:(?:" + H16 + ":){0,4}" + H16 + ")?::" + Ls32
        + "|(?:(?:" + H16 + ":){0,5}" + H16 + ")?::" + H16
        + "|(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)\\z")]
    private static partial Regex Ipv6();
}
