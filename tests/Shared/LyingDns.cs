using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// A DNS server on loopback UDP that answers every query with bytes no client can read as the answer: a record longer
/// than the message (bad rdlength), a name pointing to itself (pointer loop), another query's id, no DNS message at all
/// (garbage), or a header promising an answer and a question it does not carry. At most 50 answers; stopped by Dispose.
/// </summary>
public sealed class LyingDns : IDisposable
{
    /// <summary>Every lie the server can tell.</summary>
    public static readonly string[] Lies = ["bad rdlength", "pointer loop", "wrong id", "garbage", "empty question"];

    private readonly UdpClient udp;
    private readonly Task loop;

    public LyingDns(string lie)
    {
        udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
        loop = Task.Run(async () =>
        {
            for (var served = 0; served < 50; served++)
            {
                UdpReceiveResult query;
                try
                {
                    query = await udp.ReceiveAsync();
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                    return;
                }

                await udp.SendAsync(Answer(lie, query.Buffer), query.RemoteEndPoint);
            }
        });
    }

    public int Port { get; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    public void Dispose()
    {
        udp.Dispose();
        loop.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>The answer's bytes: a response header for the query's question, then what the lie puts after it.</summary>
    private static byte[] Answer(string lie, byte[] query)
    {
        var questionEnd = 12;
        while (questionEnd < query.Length && query[questionEnd] != 0)
        {
            questionEnd += query[questionEnd] + 1;
        }

        var question = query[12..(questionEnd + 5)];
        byte[] Header(int answers, bool sameId = true) =>
            [(byte)(sameId ? query[0] : query[0] ^ 0xFF), query[1], 0x85, 0x80, 0, 1, 0, (byte)answers, 0, 0, 0, 0];
        return lie switch
        {
            // One A record claiming 200 bytes of data, followed by 4.
            "bad rdlength" => [.. Header(1), .. question, 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 10, 0, 200, 10, 0, 0, 1],
            // The answer's name is a pointer to itself.
            "pointer loop" => [.. Header(1), .. question, 0xC0, (byte)(12 + question.Length), 0, 1, 0, 1, 0, 0, 0, 10, 0, 4, 10, 0, 0, 1],
            "wrong id" => [.. Header(0, sameId: false), .. question],
            "empty question" => [.. Header(1)],
            _ => [0xDE, 0xAD, 0xBE],
        };
    }
}
