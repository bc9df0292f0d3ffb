using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Maps <see cref="DiscoveryRecordTypes"/> onto the CDK enum and onto CloudFormation record types.</summary>
internal static class DnsRecordMapping
{
    /// <summary>
    /// The CDK record type the L2 is built with. Combinations with SRV (A+SRV, AAAA+SRV, A+AAAA+SRV) are built as SRV, so the L2's instance and ECS checks treat it
    /// like an SRV service (port required), and its records are then overridden.
    /// </summary>
    public static DnsRecordType ToCdk(DiscoveryRecordTypes types) => types switch
    {
        DiscoveryRecordTypes.A => DnsRecordType.A,
        DiscoveryRecordTypes.Aaaa => DnsRecordType.AAAA,
        DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa => DnsRecordType.A_AAAA,
        DiscoveryRecordTypes.Cname => DnsRecordType.CNAME,
        _ when types.HasFlag(DiscoveryRecordTypes.Srv) && (types & ~(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv)) == 0 => DnsRecordType.SRV,
        _ => throw new ArgumentOutOfRangeException(nameof(types), types, "Record types are validated before they are mapped."),
    };

    /// <summary>True when the L2 cannot emit the combination itself.</summary>
    public static bool NeedsOverride(DiscoveryRecordTypes types) => types.HasFlag(DiscoveryRecordTypes.Srv) && types != DiscoveryRecordTypes.Srv;

    /// <summary>The CloudFormation <c>DnsRecords[].Type</c> values, in a fixed order (A, AAAA, SRV, CNAME).</summary>
    public static IEnumerable<string> CloudFormationTypes(DiscoveryRecordTypes types)
        => Enum.GetValues<DiscoveryRecordTypes>()
            .Where(t => t != DiscoveryRecordTypes.None && types.HasFlag(t))
            .Select(t => t.ToString().ToUpperInvariant());
}
