using EcsDiscoveryConstructs.Verifier.Checks;

namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary>
/// Compares what a DNS resolver answers for each DNS-discoverable service with what the registry holds, the way
/// Route 53 answers for Cloud Map (<see cref="Route53Answers"/>, docs/dns-facts.md). It asks once per namespace (SOA),
/// per service record type, and per SRV target host, then runs the DNS checks (one class each, see
/// <see cref="CheckCatalog"/>) over the answers.
/// </summary>
internal sealed class DnsVerifier(IDnsResolver resolver)
{
    private static readonly DnsNamespaceCheck NamespaceCheck = new();

    private static readonly IDnsServiceCheck[] ServiceChecks = [new DnsAbsentCheck(), new DnsAnswersCheck(), new DnsAnswerCountCheck(), new DnsTtlCheck(), new DnsSrvCheck()];

    /// <summary>Every check class, for the catalogue test.</summary>
    internal static IEnumerable<CheckInfo> CheckInfos => ServiceChecks.Select(c => c.Info).Prepend(NamespaceCheck.Info);

    /// <summary>The registry check's <paramref name="report"/> with the DNS checks of the services it observed added.</summary>
    public async Task<VerificationReport> AddToAsync(VerificationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with { Results = [.. report.Results, .. await VerifyAsync(report.Observations, cancellationToken).ConfigureAwait(false)] };
    }

    /// <summary>Runs the DNS checks for the services the registry check observed.</summary>
    public async Task<IReadOnlyList<CheckResult>> VerifyAsync(IReadOnlyList<ServiceObservation> observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var results = new List<CheckResult>();
        foreach (var group in observed.Where(o => o.Namespace.Type is "DNS_PRIVATE" or "DNS_PUBLIC" && o.Service.DnsRecords.Count > 0).GroupBy(o => o.Namespace))
        {
            var soa = await resolver.QueryAsync(group.Key.Name, "SOA", cancellationToken).ConfigureAwait(false);
            var namespaceFacts = new DnsNamespaceFacts(group.Key, group.First().Service.Stack, soa, [.. group], resolver.Description);
            results.AddRange(NamespaceCheck.Check(namespaceFacts));
            if (!namespaceFacts.Visible)
            {
                continue;
            }

            foreach (var service in group)
            {
                var facts = await GatherAsync(service, cancellationToken).ConfigureAwait(false);
                // A DNS failure of an ECS-registered service carries what ECS says of it, as the registry's failures do.
                results.AddRange(RegistryVerifier.Explained(ServiceChecks.SelectMany(c => c.Check(facts)), service.EcsCause));
            }
        }

        return results;
    }

    /// <summary>The answers one service's checks need: each declared record type (only the first for a missing service), and each SRV target's A.</summary>
    private async Task<DnsServiceFacts> GatherAsync(ServiceObservation observed, CancellationToken cancellationToken)
    {
        var name = Route53Answers.DnsName(observed.Service.Name.Literal!, observed.Namespace.Name);
        var types = observed.Service.DnsRecords.Select(r => r.Type).Distinct().ToList();
        var answers = new Dictionary<string, DnsAnswer>(StringComparer.Ordinal);
        var hosts = new Dictionary<string, DnsAnswer>(StringComparer.Ordinal);
        var alias = Route53Answers.IsAlias(observed.Instances);
        foreach (var type in observed.Live is null ? types.Take(1) : alias ? [] : types)
        {
            var answer = await resolver.QueryAsync(name, type, cancellationToken).ConfigureAwait(false);
            answers[type] = answer;
            if (type == "SRV" && observed.Live is not null)
            {
                foreach (var target in answer.Of("SRV", name).Select(r => r.Value.Split(' ').Last()).Distinct(StringComparer.Ordinal))
                {
                    hosts[target] = await resolver.QueryAsync(target, "A", cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new DnsServiceFacts(observed, answers, hosts);
    }
}
