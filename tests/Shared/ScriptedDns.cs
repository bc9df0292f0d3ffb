using System.Collections.Concurrent;
using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>One record a scripted DNS answer holds: type A, AAAA, CNAME, SOA or SRV (value "priority weight port target").</summary>
public sealed record ScriptedRecord(string Name, string Type, int Ttl, string Value);

/// <summary>A scripted answer: a response code (NOERROR, NXDOMAIN, SERVFAIL, REFUSED), answers and authority records.</summary>
public sealed record ScriptedReply(string Code, IReadOnlyList<ScriptedRecord> Answers, IReadOnlyList<ScriptedRecord>? Authority = null)
{
    /// <summary>Over UDP, answer only with the truncation (TC) bit set, so the client must ask again over TCP.</summary>
    public bool TruncateOverUdp { get; init; }
}

/// <summary>
/// A DNS server on a free loopback port (UDP and TCP, ARSoft.Tools.Net) that answers what the test's script says; a
/// null reply drops the query (the client times out). UDP answers over 512 bytes are truncated, so clients retry over
/// TCP. Records every query with its transport. Stops on dispose.
/// </summary>
public sealed class ScriptedDns : IDisposable
{
    private readonly DnsServer server;

    public ScriptedDns(Func<string, string, ScriptedReply?> script)
    {
        Port = LoopbackPorts.UdpAndTcp();
        var endpoint = new IPEndPoint(IPAddress.Loopback, Port);
        server = new DnsServer(new UdpServerTransport(endpoint), new TcpServerTransport(endpoint));
        server.QueryReceived += async (_, e) =>
        {
            var query = (DnsMessage)e.Query;
            var question = query.Questions[0];
            var name = question.Name.ToString().TrimEnd('.').ToLowerInvariant();
            var type = question.RecordType.ToString().ToUpperInvariant();
            Queries.Enqueue((name, type, e.TransportProtocol.ToString()));
            if (script(name, type) is not { } reply)
            {
                // Answer only after any client has given up (the server would otherwise send SERVFAIL at once).
                await Task.Delay(TimeSpan.FromSeconds(8)).ConfigureAwait(false);
                return;
            }

            var response = query.CreateResponseInstance();
            response.IsAuthoritiveAnswer = true;
            if (reply.TruncateOverUdp && e.TransportProtocol == TransportProtocol.Udp)
            {
                response.IsTruncated = true;
                e.Response = response;
                return;
            }

            response.ReturnCode = reply.Code switch
            {
                "NOERROR" => ReturnCode.NoError,
                "NXDOMAIN" => ReturnCode.NxDomain,
                "SERVFAIL" => ReturnCode.ServerFailure,
                "REFUSED" => ReturnCode.Refused,
                _ => throw new ArgumentException($"unknown code {reply.Code}"),
            };
            foreach (var record in reply.Answers)
            {
                response.AnswerRecords.Add(Record(record));
            }

            foreach (var record in reply.Authority ?? [])
            {
                response.AuthorityRecords.Add(Record(record));
            }

            e.Response = response;
        };
        server.Start();
    }

    public int Port { get; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    /// <summary>Every query: name, type and transport (Udp or Tcp).</summary>
    public ConcurrentQueue<(string Name, string Type, string Transport)> Queries { get; } = new();

    public void Dispose()
    {
        try
        {
            server.Stop();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(inner => inner is OperationCanceledException))
        {
            // ARSoft's Stop throws when a listener task it cancelled ends cancelled: the server is stopped all the same.
        }
    }

    /// <summary>An SOA record for <paramref name="zone"/>, as Route 53 serves for a namespace.</summary>
    public static ScriptedRecord Soa(string zone) => new(zone, "SOA", 15, "ns-1.awsdns-00.com");

    private static DnsRecordBase Record(ScriptedRecord r)
    {
        var name = DomainName.Parse(r.Name);
        return r.Type switch
        {
            "A" or "AAAA" => r.Type == "A" ? new ARecord(name, r.Ttl, IPAddress.Parse(r.Value)) : new AaaaRecord(name, r.Ttl, IPAddress.Parse(r.Value)),
            "CNAME" => new CNameRecord(name, r.Ttl, DomainName.Parse(r.Value)),
            "SOA" => new SoaRecord(name, r.Ttl, DomainName.Parse(r.Value), DomainName.Parse("awsdns-hostmaster.amazon.com"), 1, 7200, 900, 1209600, 86400),
            "SRV" when r.Value.Split(' ') is [var priority, var weight, var port, var target] => new SrvRecord(name, r.Ttl, ushort.Parse(priority, System.Globalization.CultureInfo.InvariantCulture), ushort.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), ushort.Parse(port, System.Globalization.CultureInfo.InvariantCulture), DomainName.Parse(target)),
            _ => throw new ArgumentException($"unsupported record {r}"),
        };
    }
}
