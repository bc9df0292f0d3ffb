using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// A DNS server as users write it: <c>ip</c>, <c>ipv4:port</c> or <c>[ipv6]:port</c> (port 53 when left out). Compiled
/// into both the construct library (the canary's DnsResolver prop) and the verifier (<c>--dns-resolver</c>, the canary's
/// <c>ECS_DISCOVERY_DNS_RESOLVER</c>), which must accept exactly the same texts and cannot reference each other.
/// </summary>
internal static class DnsServerAddress
{
    /// <summary>The endpoint, or null when <paramref name="text"/> is none of the accepted forms.</summary>
    public static IPEndPoint? Parse(string text)
    {
        // IPAddress.TryParse also takes legacy IPv4 forms ("10.0.0" is 10.0.0.0, "167772162" is 10.0.0.2): an IPv4
        // address here has four dotted parts.
        static bool FourParts(string host) => host.Count(c => c == '.') == 3;
        // IPAddress.TryParse takes "[v6]:port" too and drops the port: bracketed forms are endpoints.
        if (text.StartsWith('[') && text.EndsWith(']') && IPAddress.TryParse(text[1..^1], out var bracketed) && bracketed.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return new IPEndPoint(bracketed, 53);
        }

        if (!text.StartsWith('[') && IPAddress.TryParse(text, out var address))
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6 || FourParts(text) ? new IPEndPoint(address, 53) : null;
        }

        if (!IPEndPoint.TryParse(text, out var endpoint) || endpoint.Port is <= 0 or > 65535)
        {
            return null;
        }

        return text.StartsWith('[') ? endpoint
            : !text.Contains("::", StringComparison.Ordinal) && endpoint.AddressFamily == AddressFamily.InterNetwork && FourParts(text[..text.LastIndexOf(':')]) ? endpoint
            : null;
    }
}
