using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary>A DNS check of one service's answers.</summary>
internal interface IDnsServiceCheck
{
    CheckInfo Info { get; }

    IEnumerable<CheckResult> Check(DnsServiceFacts facts);
}

/// <summary>What the resolver answered for one namespace's SOA.</summary>
/// <param name="Namespace">The live namespace.</param>
/// <param name="Stack">The stack that declares it.</param>
/// <param name="Soa">The SOA answer.</param>
/// <param name="Services">Its DNS-discoverable services.</param>
/// <param name="Resolver">Where the queries went, for messages.</param>
internal sealed record DnsNamespaceFacts(LiveNamespace Namespace, string Stack, DnsAnswer Soa, IReadOnlyList<ServiceObservation> Services, string Resolver)
{
    /// <summary>True when the SOA is visible through the resolver.</summary>
    public bool Visible => Soa.IsNoError && Soa.Answers.Concat(Soa.Authority).Any(r => r.Type == "SOA");
}

/// <summary>What the resolver answered for one service: per record type, and for each SRV target host its A answer.</summary>
/// <param name="Observed">What the registry check saw.</param>
/// <param name="Answers">The answer per record type the service declares.</param>
/// <param name="Hosts">The A answer per SRV target host name.</param>
internal sealed record DnsServiceFacts(ServiceObservation Observed, IReadOnlyDictionary<string, DnsAnswer> Answers, IReadOnlyDictionary<string, DnsAnswer> Hosts)
{
    /// <summary>The name clients resolve, lower case.</summary>
    public string Name => Route53Answers.DnsName(Observed.Service.Name.Literal!, Observed.Namespace.Name);

    /// <summary>The result target, <c>namespace/service</c>.</summary>
    public string Target => $"{Observed.Namespace.Name}/{Observed.Service.Name}";

    /// <summary>The instances answers may draw from (<see cref="Route53Answers.Pool(ServiceObservation)"/>).</summary>
    public IReadOnlyList<LiveInstance> Pool => Route53Answers.Pool(Observed);

    /// <summary>True when the service's instances are load balancer aliases (answers the registry cannot predict).</summary>
    public bool IsAlias => Route53Answers.IsAlias(Observed.Instances);

    /// <summary>True when a type's answer can be compared: NOERROR, or NXDOMAIN for a service without instances.</summary>
    public bool Comparable(DnsAnswer answer) => answer.IsNoError || (answer.Code == "NXDOMAIN" && Pool.Count == 0);

    /// <summary>The answer records of <paramref name="type"/> for the service's name.</summary>
    public List<DnsRecord> Records(string type) => [.. Answers[type].Of(type, Name)];

    /// <summary>What an answer of <paramref name="type"/> may hold, by the comparable part of its value, with its instance.</summary>
    public Dictionary<string, LiveInstance> Allowed(string type)
    {
        var allowed = new Dictionary<string, LiveInstance>(StringComparer.Ordinal);
        foreach (var instance in Pool)
        {
            var key = type switch
            {
                "A" => instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV4"),
                "AAAA" => Shared.Ipv6Text.Parse(instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV6"))?.ToString(),
                "CNAME" => instance.Attributes.GetValueOrDefault("AWS_INSTANCE_CNAME")?.TrimEnd('.').ToLowerInvariant(),
                "SRV" => Route53Answers.SrvTarget(instance.Id, Observed.Service.Name.Literal!, Observed.Namespace.Name),
                _ => null,
            };
            if (key is not null)
            {
                allowed.TryAdd(key, instance);
            }
        }

        return allowed;
    }

    /// <summary>The part of an answer compared with the registry: the address or name, or an SRV record's target.</summary>
    public static string Key(string type, string value) => type == "SRV" ? value.Split(' ').Last() : value;

    public CheckResult Result(CheckInfo check, bool ok, string pass, string fail, string expected, string actual)
        => Outcome(check, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? pass : fail, expected, actual);

    public CheckResult Outcome(CheckInfo check, CheckStatus status, string message, string expected, string actual)
        => new(Observed.Service.Stack, check.Id, Target, status, message) { Expected = expected, Actual = actual };
}
