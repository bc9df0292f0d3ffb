using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>What private and public DNS namespaces share: the hosted zone and the SOA (negative-cache) TTL.</summary>
public abstract class DnsDiscoveryNamespaceBase : DiscoveryNamespaceBase
{
    private protected DnsDiscoveryNamespaceBase(Construct scope, string id, string kind, NamespaceSpec spec)
        : base(scope, id, kind, spec)
    {
    }

    /// <summary>The id of the Route 53 hosted zone Cloud Map creates for the namespace.</summary>
    public string HostedZoneId => CfnNamespace.GetAtt("HostedZoneId").ToString();

    /// <summary>The SOA (negative-cache) TTL set on the namespace, or null when Cloud Map's default applies.</summary>
    public Duration? SoaTtl { get; private set; }

    private CfnResource CfnNamespace => (CfnResource)CloudMapNamespace.Node.DefaultChild!;

    /// <summary>
    /// Sets the SOA TTL, how long resolvers cache "no such name" answers: a whole number of seconds, 0-2147483647
    /// (the CDK L2 does not expose it; CloudFormation's <c>Properties.DnsProperties.SOA.TTL</c>).
    /// </summary>
    /// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_SOA.html</remarks>
    public void SetSoaTtl(Duration ttl)
    {
        ArgumentNullException.ThrowIfNull(ttl);
        NamespaceSetup.Validate(this, Kind, new NamespaceSpec { Type = NamespaceType, Name = null, SoaTtl = ttl });
        ApplySoaTtl(ttl);
    }

    /// <summary>Writes an already validated SOA TTL.</summary>
    private protected void ApplySoaTtl(Duration? ttl)
    {
        if (ttl is not null)
        {
            CloudMapOverrides.SetSoaTtl(CfnNamespace, ttl.ToSeconds());
            SoaTtl = ttl;
        }
    }
}
