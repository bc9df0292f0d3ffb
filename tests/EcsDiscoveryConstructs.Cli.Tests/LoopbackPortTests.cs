using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>The free-port search: a port whose UDP side is taken is passed over, and the search is bounded.</summary>
public class LoopbackPortTests
{
    [Fact]
    public void APortTakenForUdp_IsPassedOver_ForTheNextOneOffered()
    {
        var tried = new List<int>();
        var port = LoopbackPort.Free(p =>
        {
            tried.Add(p);
            if (tried.Count < 3)
            {
                throw new SocketException((int)SocketError.AddressAlreadyInUse);
            }
        });
        Assert.Equal(3, tried.Count);
        Assert.Equal(tried[^1], port);
        Assert.InRange(port, 1, 65535);
    }

    [Fact]
    public void WhenNoPortIsFreeForUdp_TheSearchStopsAfterItsAttempts_WithAReason()
    {
        var tries = 0;
        var error = Assert.Throws<InvalidOperationException>(() => LoopbackPort.Free(_ =>
        {
            tries++;
            throw new SocketException((int)SocketError.AddressAlreadyInUse);
        }));
        Assert.Equal(LoopbackPort.Attempts, tries);
        Assert.Equal("no loopback port is free for both UDP and TCP (50 tried)", error.Message);
    }

    [Fact]
    public void TheFreePort_CanBeTakenForUdp()
    {
        var port = LoopbackPort.Free();
        using var udp = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
        Assert.Equal(port, ((System.Net.IPEndPoint)udp.Client.LocalEndPoint!).Port);
    }
}
