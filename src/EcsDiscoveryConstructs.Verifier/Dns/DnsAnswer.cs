namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary>One resource record of an answer. <see cref="Value"/> is the address (A, AAAA), the target (CNAME) or
/// <c>priority weight port target</c> (SRV); names are lower case without the trailing dot.</summary>
internal sealed record DnsRecord(string Name, string Type, long Ttl, string Value);

/// <summary>What a resolver answered to one query.</summary>
/// <param name="Code">The response code: NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ..., TIMEOUT when nothing came back in time, or MALFORMED when what came back is no readable DNS answer.</param>
/// <param name="Answers">The answer section.</param>
/// <param name="Authority">The authority section (where NODATA and NXDOMAIN answers carry the zone's SOA).</param>
internal sealed record DnsAnswer(string Code, IReadOnlyList<DnsRecord> Answers, IReadOnlyList<DnsRecord> Authority)
{
    /// <summary>Why the answer failed, when the code alone does not say (e.g. for MALFORMED: what could not be read).</summary>
    public string? Detail { get; init; }

    /// <summary>The code, with its detail when there is one: what a failing check shows.</summary>
    public string Described => Detail is null ? Code : $"{Code}: {Detail}";

    /// <summary>True for NOERROR.</summary>
    public bool IsNoError => Code == "NOERROR";

    /// <summary>The answers of <paramref name="type"/> for <paramref name="name"/>.</summary>
    public IEnumerable<DnsRecord> Of(string type, string name) => Answers.Where(a => a.Type == type && a.Name == name);
}

/// <summary>Asks a DNS resolver.</summary>
internal interface IDnsResolver
{
    /// <summary>Queries <paramref name="name"/> for <paramref name="type"/> (A, AAAA, SRV, CNAME or SOA); never throws for DNS errors or timeouts.</summary>
    Task<DnsAnswer> QueryAsync(string name, string type, CancellationToken cancellationToken);

    /// <summary>Where the queries go, for messages (e.g. <c>10.0.0.2:53</c> or <c>the system's resolvers</c>).</summary>
    string Description { get; }
}
