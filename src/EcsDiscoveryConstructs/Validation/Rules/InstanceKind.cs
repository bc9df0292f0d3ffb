using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Shared;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>An instance fits its service: its kind matches the records, and its addresses are addresses.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html: AWS_INSTANCE_IPV4 and AWS_INSTANCE_IPV6 as
/// Route 53 answers them (<see cref="Ipv4Text"/>, <see cref="Ipv6Text"/>); with an SRV record "you must specify a value for
/// AWS_INSTANCE_IPV4, AWS_INSTANCE_IPV6, or both"; AWS_INSTANCE_PORT is "required if you specified settings for an SRV
/// record or a Route 53 health check"; AWS_INSTANCE_CNAME is a domain name (<see cref="DnsNameText"/>); AWS_ALIAS_DNS_NAME
/// is the load balancer's DNS name.
/// </remarks>
internal sealed class InstanceKind : IPropsRule<InstanceSpec>
{
    public RuleInfo Info => new(
        "instance-kind",
        RuleLevel.Error,
        "Instances: a CNAME instance joins a CNAME service only, with a domain name Route 53 accepts; an IP instance gives the IPv4 (A), IPv6 (AAAA) and port 1-65535 (SRV) its records need, an SRV instance an address too, addresses in the forms Route 53 answers with; a non-IP instance joins an API-only service with at least one attribute; a load balancer has a DNS name.",
        "RegisterInstance rejects instances whose attributes do not fill the service's records (CDK throws raw errors for some and accepts malformed addresses).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html" };

    public IEnumerable<Violation> Check(InstanceSpec subject)
    {
        var service = subject.Service;
        var records = service.UsesDns ? service.EffectiveRecords : DiscoveryRecordTypes.None;
        var o = subject.Instance;
        if (subject.IsLoadBalancer)
        {
            if (!service.LoadBalancer || (records & (DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa)) == 0)
            {
                yield return new Violation("load balancer", "needs a service created with LoadBalancer = true and A or AAAA records (alias records)", "Create the service with LoadBalancer = true, e.g. DnsRecords = DiscoveryRecordTypes.A.");
            }

            if (subject.LoadBalancerDnsName is null)
            {
                yield return new Violation("load balancer (no DNS name)", "gives the alias record nothing to point to: its import names no LoadBalancerDnsName", "Import it with LoadBalancerDnsName, e.g. FromApplicationLoadBalancerAttributes(..., new() { LoadBalancerDnsName = \"...\" }).");
            }

            yield break;
        }

        if (subject.IsCname)
        {
            if (records != DiscoveryRecordTypes.Cname)
            {
                yield return new Violation($"InstanceCname '{o.InstanceCname}'", $"needs a service with CNAME records, but this one has {Rules.RecordTypes.Describe(records)}", "Use RegisterIpInstance, or add it to a CNAME service.");
            }

            if (TokenGuard.IsConcrete(o.InstanceCname) && DnsNameText.Problem(o.InstanceCname!) is { } problem)
            {
                yield return new Violation($"InstanceCname '{o.InstanceCname}'", $"is not a domain name Route 53 accepts: it {problem}", "Use the target's host name, e.g. \"old.example.com\".");
            }

            yield break;
        }

        if (!subject.IsIp)
        {
            if (records != DiscoveryRecordTypes.None)
            {
                yield return new Violation("A non-IP instance", $"joins only an API-only service; this one answers DNS with {Rules.RecordTypes.Describe(records)}", "Use RegisterIpInstance with the addresses its records need, e.g. Ipv4 = \"10.0.0.5\".");
            }
            else if (o.CustomAttributes is not { Count: > 0 })
            {
                yield return new Violation("CustomAttributes (none)", "leave a non-IP instance with nothing to discover it by", "Add at least one attribute, e.g. [\"url\"] = \"https://orders.example.com\".");
            }

            yield break;
        }

        if (records == DiscoveryRecordTypes.Cname)
        {
            yield return new Violation("An IP instance", "cannot join a CNAME service", "Use RegisterCnameInstance (InstanceCname = \"host.example.com\") instead.");
            yield break;
        }

        if (o.Ipv4 is { } v4 && TokenGuard.IsConcrete(v4) && Ipv4Text.Parse(v4) is null)
        {
            yield return new Violation($"Ipv4 '{v4}'", "is not an IPv4 address as Route 53 answers it: use four decimal numbers 0-255 without leading zeros", "Use dotted form, e.g. 10.0.0.5.");
        }

        if (o.Ipv6 is { } v6 && TokenGuard.IsConcrete(v6) && Ipv6Text.Parse(v6) is null)
        {
            yield return new Violation($"Ipv6 '{v6}'", "is not an IPv6 address as Route 53 answers it: use hex groups with at most one '::', without brackets, zone or prefix length", "Use e.g. 2001:db8::5.");
        }

        if (o.Port is { } port && port is < 1 or > 65535)
        {
            yield return new Violation($"Port {port}", "is out of range: use 1-65535", "Use the port the instance listens on, e.g. 8080.");
        }

        if (records == DiscoveryRecordTypes.None && o.Ipv4 is null)
        {
            yield return new Violation("Ipv4 (not set)", "is required for an IP instance of an API-only service: the CDK registers it as an instance for A records", "Set Ipv4, or use RegisterNonIpInstance with attributes (e.g. [\"ipv6\"] = \"2001:db8::5\").");
        }

        if (records.HasFlag(DiscoveryRecordTypes.A) && o.Ipv4 is null)
        {
            yield return new Violation("Ipv4 (not set)", "is required: the service has A records", "Set Ipv4.");
        }

        if (records.HasFlag(DiscoveryRecordTypes.Aaaa) && o.Ipv6 is null)
        {
            yield return new Violation("Ipv6 (not set)", "is required: the service has AAAA records", "Set Ipv6.");
        }

        if (records.HasFlag(DiscoveryRecordTypes.Srv) && o.Port is null)
        {
            yield return new Violation("Port (not set)", "is required: the service has SRV records", "Set Port.");
        }

        if (records == DiscoveryRecordTypes.Srv && o.Ipv4 is null && o.Ipv6 is null)
        {
            yield return new Violation("Ipv4 and Ipv6 (neither set)", "leave the SRV record's target without an address: Cloud Map needs one or both", "Set Ipv4, Ipv6 or both.");
        }
    }
}
