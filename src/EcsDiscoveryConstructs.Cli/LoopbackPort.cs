using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Free loopback ports for the peers the tool starts.</summary>
internal static class LoopbackPort
{
    /// <summary>How many ports the operating system offers before <see cref="Free()"/> gives up.</summary>
    public const int Attempts = 50;

    /// <summary>A loopback port free for both UDP and TCP right now.</summary>
    public static int Free() => Free(port =>
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
    });

    /// <summary>
    /// A loopback TCP port the operating system offers that <paramref name="bindUdp"/> can also take (it throws
    /// <see cref="SocketException"/> when the UDP port is in use); at most <see cref="Attempts"/> ports are tried.
    /// </summary>
    public static int Free(Action<int> bindUdp)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            using var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            try
            {
                bindUdp(port);
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException($"no loopback port is free for both UDP and TCP ({Attempts} tried)");
    }
}
