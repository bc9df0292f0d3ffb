using System.Net;
using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// A DNS server as users write it: <c>ip</c>, <c>ipv4:port</c>, <c>[ipv6]</c> or <c>[ipv6]:port</c> (port 53 when left
/// out), addresses read by the strict <see cref="Ipv4Text"/> and <see cref="Ipv6Text"/> (no octal, hex or short IPv4 forms,
/// no zones), ports 1-65535 in decimal without leading zeros. An IPv4-mapped IPv6 address (<c>::ffff:10.0.0.2</c>) is the
/// IPv4 server it maps. Compiled into both the construct library (the canary's DnsResolver prop) and the verifier
/// (<c>--dns-resolver</c>, the canary's <c>ECS_DISCOVERY_DNS_RESOLVER</c>), which must accept exactly the same texts and
/// cannot reference each other.
/// </summary>
internal static partial class DnsServerAddress
{
    /// <summary>The endpoint, or null when <paramref name="text"/> is none of the accepted forms.</summary>
    public static IPEndPoint? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string host;
        var port = 53;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || Ipv6Text.Parse(text[1..close]) is null || !PortSuffix(text[(close + 1)..], ref port))
            {
                return null;
            }

            host = text[1..close];
        }
        else if (Ipv6Text.Parse(text) is not null)
        {
            host = text;
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            if (Ipv4Text.Parse(host) is null || (colon >= 0 && !PortSuffix(text[colon..], ref port)))
            {
                return null;
            }
        }

        var address = IPAddress.Parse(host);
        return new IPEndPoint(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, port);
    }

    /// <summary>Reads an empty suffix (port 53 stays) or <c>:port</c>; false when the suffix is anything else.</summary>
    private static bool PortSuffix(string suffix, ref int port)
    {
        if (suffix.Length == 0)
        {
            return true;
        }

        if (!Port().IsMatch(suffix))
        {
            return false;
        }

        port = int.Parse(suffix.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        return port <= 65535;
    }

    [GeneratedRegex(@"^:[1-9][0-9]{0,4}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Port();
}
