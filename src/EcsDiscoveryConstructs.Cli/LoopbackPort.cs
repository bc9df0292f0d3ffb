using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Free loopback ports for the peers the tool starts.</summary>
internal static class LoopbackPort
{
    /// <summary>A loopback port free for both UDP and TCP right now.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no loopback port is free for both UDP and TCP");
    }
}
