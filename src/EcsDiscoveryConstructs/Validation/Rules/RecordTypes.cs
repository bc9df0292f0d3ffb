using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Only record-type combinations AWS accepts.</summary>
internal sealed class RecordTypes : IPropsRule<DiscoveryServiceSpec>
{
    private static readonly DiscoveryRecordTypes[] Accepted =
    [
        DiscoveryRecordTypes.A,
        DiscoveryRecordTypes.Aaaa,
        DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa,
        DiscoveryRecordTypes.Srv,
        DiscoveryRecordTypes.Cname,
        DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv,
    ];

    public RuleInfo Info { get; } = new(
        "record-types",
        RuleLevel.Error,
        "DnsRecords is one of A, AAAA, A+AAAA, SRV, CNAME or A+SRV.",
        "Cloud Map documents A, AAAA, A+AAAA, SRV and CNAME; ECS documents A+SRV for task registration. Other combinations fail at deploy time.");

    /// <summary>Formats a combination the way messages show it, e.g. <c>A+SRV</c>.</summary>
    public static string Describe(DiscoveryRecordTypes types)
        => types == DiscoveryRecordTypes.None ? "None" : string.Join('+', DnsRecordMapping.CloudFormationTypes(types));

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && subject.DnsRecords is { } records && !Accepted.Contains(records))
        {
            yield return new Violation(
                $"DnsRecords {Describe(records)}",
                "is not a combination Cloud Map accepts: use A, AAAA, A+AAAA, SRV, CNAME or A+SRV",
                records.HasFlag(DiscoveryRecordTypes.Srv) && records.HasFlag(DiscoveryRecordTypes.Aaaa)
                    ? "Use A|Srv, or Srv alone (its target resolves to IPv4 and IPv6 addresses)."
                    : "Pick one of the accepted combinations.");
        }
    }
}
