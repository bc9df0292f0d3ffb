using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary>
/// <see cref="IDnsResolver"/> over DnsClient: no cache, 2 s per try and 2 tries per query, a truncated UDP answer is
/// asked again over TCP, DNS errors and unreadable answers are answers (never exceptions).
/// </summary>
internal sealed class DnsClientResolver : IDnsResolver
{
    private readonly LookupClient client;

    /// <summary>Queries <paramref name="server"/>, or the system's resolvers when it is null.</summary>
    public DnsClientResolver(IPEndPoint? server)
    {
        var options = server is null ? new LookupClientOptions() : new LookupClientOptions(new NameServer(server));
        options.UseCache = false;
        options.Timeout = TimeSpan.FromSeconds(2);
        options.Retries = 1;
        options.UseTcpFallback = true;
        options.ThrowDnsErrors = false;
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        client = new LookupClient(options);
        Description = server is null ? "the system's resolvers" : server.ToString();
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Parses <c>ip</c>, <c>ip:port</c> or <c>[ipv6]:port</c> (port 53 when left out); null when it is none of these.</summary>
    public static IPEndPoint? ParseServer(string text) => Shared.DnsServerAddress.Parse(text);

    /// <inheritdoc/>
    public async Task<DnsAnswer> QueryAsync(string name, string type, CancellationToken cancellationToken)
    {
        var queryType = type switch
        {
            "A" => QueryType.A,
            "AAAA" => QueryType.AAAA,
            "SRV" => QueryType.SRV,
            "CNAME" => QueryType.CNAME,
            "SOA" => QueryType.SOA,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A, AAAA, SRV, CNAME or SOA"),
        };
        try
        {
            var response = await client.QueryAsync(name, queryType, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            var code = response.Header.ResponseCode switch
            {
                DnsHeaderResponseCode.NoError => "NOERROR",
                DnsHeaderResponseCode.NotExistentDomain => "NXDOMAIN",
                DnsHeaderResponseCode.ServerFailure => "SERVFAIL",
                DnsHeaderResponseCode.Refused => "REFUSED",
                var other => other.ToString().ToUpperInvariant(),
            };
            return new DnsAnswer(code, [.. response.Answers.Select(Record).OfType<DnsRecord>()], [.. response.Authorities.Select(Record).OfType<DnsRecord>()]);
        }
        catch (DnsResponseException e) when (e.Code is DnsResponseCode.ConnectionTimeout)
        {
            return new DnsAnswer("TIMEOUT", [], []);
        }
        catch (DnsResponseException e) when (e.Code is DnsResponseCode.Unassigned)
        {
            // DnsClient's code for an answer it cannot read (a record longer than the message, a compression pointer
            // loop, bytes that are no DNS message): this query's failure, not the run's.
            return Malformed(e.InnerException ?? e);
        }
        catch (DnsResponseException e)
        {
            return new DnsAnswer(e.Code.ToString().ToUpperInvariant(), [], []) { Detail = Redaction.Redactor.FirstLine((e.InnerException ?? e).Message) };
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return Malformed(e);
        }
    }

    private DnsAnswer Malformed(Exception e)
        => new("MALFORMED", [], []) { Detail = $"{Description} sent an answer that cannot be read: {Redaction.Redactor.FirstLine(e.Message)}" };

    private static DnsRecord? Record(DnsResourceRecord record)
    {
        var name = Name(record.DomainName.Value);
        return record switch
        {
            ARecord a => new DnsRecord(name, "A", record.TimeToLive, a.Address.ToString()),
            AaaaRecord aaaa => new DnsRecord(name, "AAAA", record.TimeToLive, aaaa.Address.ToString()),
            SrvRecord srv => new DnsRecord(name, "SRV", record.TimeToLive, $"{srv.Priority} {srv.Weight} {srv.Port} {Name(srv.Target.Value)}"),
            CNameRecord cname => new DnsRecord(name, "CNAME", record.TimeToLive, Name(cname.CanonicalName.Value)),
            SoaRecord soa => new DnsRecord(name, "SOA", record.TimeToLive, Name(soa.MName.Value)),
            _ => null,
        };
    }

    private static string Name(string value) => value.TrimEnd('.').ToLowerInvariant();
}
