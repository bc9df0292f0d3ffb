using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>Free loopback ports for the servers the tests start.</summary>
public static class LoopbackPorts
{
    /// <summary>The next port <see cref="UdpAndTcp"/> tries: never reused within a test process, so a stopped server's
    /// socket that lingers can never answer another test's queries.</summary>
    private static int nextPort = 20000 + Random.Shared.Next(0, 20000);

    /// <summary>
    /// Starts a server with <paramref name="start"/> on a TCP port the system has just handed out, and on another one when
    /// that port was taken meanwhile (an outgoing connection of a test running beside may get the same ephemeral port).
    /// </summary>
    public static T Bind<T>(Func<int, T> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return start(Tcp());
            }
            catch (Exception e) when (e is HttpListenerException or SocketException && attempt < 20)
            {
            }
        }
    }

    /// <summary>A TCP port the system has just handed out.</summary>
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port free for both UDP and TCP (DNS servers answer on both).</summary>
    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Interlocked.Increment(ref nextPort);
            try
            {
                using var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no free loopback port for both UDP and TCP");
    }
}
