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
        DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv,
        DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv,
    ];

    public RuleInfo Info => new(
        "record-types",
        RuleLevel.Error,
        "DnsRecords is one of A, AAAA, A+AAAA, SRV, CNAME, A+SRV, AAAA+SRV or A+AAAA+SRV.",
        "Cloud Map documents A, AAAA, A+AAAA, SRV and CNAME; ECS documents A+SRV for task registration; aws-cdk's integ test service-with-srv-record-combinations deploys AAAA+SRV and A+AAAA+SRV. Other combinations (CNAME with anything) fail at deploy time.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html" };

    /// <summary>Formats a combination the way messages show it, e.g. <c>A+SRV</c>.</summary>
    public static string Describe(DiscoveryRecordTypes types)
    {
        var undefined = (int)(types & ~(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv | DiscoveryRecordTypes.Cname));
        var names = DnsRecordMapping.CloudFormationTypes(types).ToList();
        if (undefined != 0)
        {
            names.Add($"{undefined} (not a DiscoveryRecordTypes flag)");
        }

        return names.Count == 0 ? "None" : string.Join('+', names);
    }

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && subject.DnsRecords is { } records && !Accepted.Contains(records))
        {
            yield return new Violation(
                $"DnsRecords {Describe(records)}",
                "is not a combination Cloud Map accepts: use A, AAAA, A+AAAA, SRV, CNAME, A+SRV, AAAA+SRV or A+AAAA+SRV",
                records.HasFlag(DiscoveryRecordTypes.Cname)
                    ? "Use CNAME alone: a name that holds a CNAME record holds no other record."
                    : "Pick one of the accepted combinations.");
        }
    }
}
