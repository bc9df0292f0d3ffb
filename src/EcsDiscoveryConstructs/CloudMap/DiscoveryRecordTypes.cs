namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// The DNS records Cloud Map creates for each registered instance. Combine flags for several record types,
/// e.g. <c>DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv</c>.
/// </summary>
/// <remarks>
/// Accepted combinations: A, AAAA, A+AAAA, SRV and CNAME (documented in the Cloud Map API reference,
/// https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsRecord.html); A+SRV, which ECS documents for task
/// registration ("A and SRV records") and AWS Copilot ships in every service it creates; and AAAA+SRV and A+AAAA+SRV,
/// which Cloud Map accepts (aws-cdk's integ test <c>service-with-srv-record-combinations</c> deploys both). ECS
/// registers Fargate tasks only with A, SRV or A+SRV.
/// </remarks>
[Flags]
public enum DiscoveryRecordTypes
{
    /// <summary>No DNS records (API-only discovery).</summary>
    None = 0,

    /// <summary>An A record: the instance's IPv4 address (<c>AWS_INSTANCE_IPV4</c>).</summary>
    A = 1,

    /// <summary>An AAAA record: the instance's IPv6 address (<c>AWS_INSTANCE_IPV6</c>).</summary>
    Aaaa = 2,

    /// <summary>An SRV record: <c>1 1 port instance-host</c>; needs <c>AWS_INSTANCE_PORT</c>.</summary>
    Srv = 4,

    /// <summary>A CNAME record (<c>AWS_INSTANCE_CNAME</c>); needs WEIGHTED routing and no Route 53 health check.</summary>
    Cname = 8,
}
