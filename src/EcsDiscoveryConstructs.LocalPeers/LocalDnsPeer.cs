using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;

namespace EcsDiscoveryConstructs.LocalPeers;

/// <summary>
/// A DNS server on loopback that answers for the DNS namespaces of a Cloud Map endpoint the way Route 53 answers for
/// Cloud Map (as <see cref="LocalDeployer"/> fills the registry the way ECS would): the namespace's SOA; per service its
/// record types with its TTL, from the healthy instances (all of them when none is healthy, or without a health
/// check), up to eight for MULTIVALUE and one for WEIGHTED; SRV as <c>1 1 port instance-id.service.namespace</c>, whose
/// host names answer with the instance's addresses; NXDOMAIN for other names in a namespace, NODATA for a record type
/// a service does not have, REFUSED outside the namespaces, SERVFAIL when the registry cannot be read. The registry is
/// read again for every query (a local peer is small and answers must follow it).
/// </summary>
internal sealed class LocalDnsPeer : IDisposable
{
    private const int DefaultSoaTtl = 15;
    private readonly ICloudMapClient client;
    private readonly DnsServer server;

    /// <summary>Starts answering on 127.0.0.1:<paramref name="port"/> (UDP and TCP).</summary>
    public LocalDnsPeer(ICloudMapClient client, int port)
    {
        this.client = client;
        var endpoint = new IPEndPoint(IPAddress.Loopback, port);
        server = new DnsServer(new UdpServerTransport(endpoint), new TcpServerTransport(endpoint));
        server.QueryReceived += async (_, e) => e.Response = await AnswerAsync((DnsMessage)e.Query).ConfigureAwait(false);
        server.Start();
        Endpoint = endpoint;
    }

    /// <summary>Where the peer answers.</summary>
    public IPEndPoint Endpoint { get; }

    /// <inheritdoc/>
    public void Dispose() => StopQuietly(server);

    /// <summary>
    /// Stops <paramref name="server"/>. ARSoft's Stop waits on its listener tasks after cancelling them and throws when
    /// one ends cancelled rather than completed (a race with the shutdown it asked for): that is a stopped server, not
    /// an error.
    /// </summary>
    private static void StopQuietly(DnsServer server)
    {
        try
        {
            server.Stop();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(inner => inner is OperationCanceledException))
        {
            // Stopped: the listener tasks ended by cancellation.
        }
    }

    private async Task<DnsMessage> AnswerAsync(DnsMessage query)
    {
        var response = query.CreateResponseInstance();
        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var name = question.Name.ToString().TrimEnd('.').ToLowerInvariant();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var namespaces = await client.ListNamespacesAsync(timeout.Token).ConfigureAwait(false);
            var ns = namespaces.Where(n => n.Type is "DNS_PRIVATE" or "DNS_PUBLIC")
                .Where(n => name == n.Name.ToLowerInvariant() || name.EndsWith("." + n.Name.ToLowerInvariant(), StringComparison.Ordinal))
                .MaxBy(n => n.Name.Length);
            if (ns is null)
            {
                response.ReturnCode = ReturnCode.Refused;
                return response;
            }

            response.IsAuthoritiveAnswer = true;
            var zone = DomainName.Parse(ns.Name);
            var soa = new SoaRecord(zone, (int)(ns.SoaTtl ?? DefaultSoaTtl), DomainName.Parse("ns-1.local-dns.invalid"), DomainName.Parse("hostmaster.local-dns.invalid"), 1, 7200, 900, 1209600, (int)(ns.SoaTtl ?? DefaultSoaTtl));
            var records = name == ns.Name.ToLowerInvariant()
                ? (question.RecordType == RecordType.Soa ? [soa] : [])
                : await RecordsAsync(ns, name, question.RecordType, timeout.Token).ConfigureAwait(false);
            if (records is null)
            {
                response.ReturnCode = ReturnCode.NxDomain;
                response.AuthorityRecords.Add(soa);
                return response;
            }

            response.AnswerRecords.AddRange(records);
            if (records.Count == 0)
            {
                response.AuthorityRecords.Add(soa);
            }
        }
        catch (Exception e) when (e is CloudMapException or OperationCanceledException or HttpRequestException)
        {
            response.ReturnCode = ReturnCode.ServerFailure;
        }

        return response;
    }

    /// <summary>The answers for <paramref name="name"/> in <paramref name="ns"/>; null when the name does not exist.</summary>
    private async Task<List<DnsRecordBase>?> RecordsAsync(LiveNamespace ns, string name, RecordType type, CancellationToken cancellationToken)
    {
        var relative = name[..^(ns.Name.Length + 1)];
        var services = await client.ListServicesAsync(ns.Id, cancellationToken).ConfigureAwait(false);
        var service = services.FirstOrDefault(s => s.Name.Equals(relative, StringComparison.OrdinalIgnoreCase));
        var host = service is null ? services.FirstOrDefault(s => relative.EndsWith("." + s.Name.ToLowerInvariant(), StringComparison.Ordinal)) : null;
        var owner = service ?? host;
        if (owner is null || owner.DnsRecords.Count == 0)
        {
            return null;
        }

        var instances = await client.ListInstancesAsync(owner.Id, cancellationToken).ConfigureAwait(false);
        var domain = DomainName.Parse(name);
        if (host is not null)
        {
            // instance-id.service.namespace: the SRV target's own A/AAAA records.
            var id = relative[..^(host.Name.Length + 1)];
            var instance = instances.FirstOrDefault(i => i.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
            if (instance is null || !host.DnsRecords.Any(r => r.Type == "SRV"))
            {
                return null;
            }

            var hostTtl = (int)host.DnsRecords.Max(r => r.Ttl);
            return [.. Addresses(instance, type, domain, hostTtl)];
        }

        var record = owner.DnsRecords.FirstOrDefault(r => r.Type == type.ToString().ToUpperInvariant());
        if (record is null)
        {
            return [];
        }

        // A discovery call only when a health check makes health matter (Route53Answers.Healthy).
        var discovered = owner.CustomHealthCheck || owner.Route53HealthCheck
            ? await client.DiscoverInstancesAsync(ns.DiscoveryName, owner.Name, "ALL", ns.ResourceOwner, cancellationToken).ConfigureAwait(false)
            : [];
        var pool = Route53Answers.Pool(instances, Route53Answers.Healthy(owner, instances, discovered));
        var chosen = pool.OrderBy(_ => Random.Shared.Next()).Take(Route53Answers.AnswerCount(owner.RoutingPolicy, pool.Count));
        var ttl = (int)record.Ttl;
        return [.. chosen.SelectMany(i => type switch
        {
            RecordType.Srv when i.Attributes.TryGetValue("AWS_INSTANCE_PORT", out var port) && ushort.TryParse(port, out var p)
                => [new SrvRecord(domain, ttl, 1, 1, p, DomainName.Parse(Route53Answers.SrvTarget(i.Id, owner.Name, ns.Name)))],
            RecordType.CName when i.Attributes.TryGetValue("AWS_INSTANCE_CNAME", out var cname) => [new CNameRecord(domain, ttl, DomainName.Parse(cname))],
            _ => Addresses(i, type, domain, ttl),
        })];
    }

    private static IEnumerable<DnsRecordBase> Addresses(LiveInstance instance, RecordType type, DomainName name, int ttl)
    {
        var address = type switch
        {
            RecordType.A => Shared.Ipv4Text.Parse(instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV4")),
            RecordType.Aaaa => Shared.Ipv6Text.Parse(instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV6")),
            _ => null,
        };
        if (address is not null)
        {
            yield return type == RecordType.A ? new ARecord(name, ttl, address) : new AaaaRecord(name, ttl, address);
        }
    }
}
