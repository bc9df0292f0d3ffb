using System.Net;
using Amazon.CDK.AWS.EC2;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// The canary's DNS server as the user writes it: <c>ip</c>, <c>ipv4:port</c> or <c>[ipv6]:port</c> (what the canary's
/// <c>ECS_DISCOVERY_DNS_RESOLVER</c> accepts).
/// </summary>
internal static class CanaryResolver
{
    /// <summary>The endpoint, or null when <paramref name="text"/> is not one of the accepted forms.</summary>
    public static IPEndPoint? Parse(string text) => Shared.DnsServerAddress.Parse(text);

    /// <summary>The security-group peer of the server (one address).</summary>
    public static IPeer Peer(string text)
    {
        var endpoint = Parse(text) ?? throw new ArgumentException($"'{text}' is not ip[:port]", nameof(text));
        return endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? Amazon.CDK.AWS.EC2.Peer.Ipv6($"{endpoint.Address}/128")
            : Amazon.CDK.AWS.EC2.Peer.Ipv4($"{endpoint.Address}/32");
    }

    /// <summary>The server's port.</summary>
    public static int PortOf(string text) => Parse(text)?.Port ?? 53;
}
