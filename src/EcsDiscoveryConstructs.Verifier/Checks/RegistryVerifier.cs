using EcsDiscoveryConstructs.Verifier.Checks.Registry;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks;

/// <summary>
/// Compares a live Cloud Map registry with what the cloud assembly promises, with the fewest calls: one
/// ListNamespaces, one ListServices per matched namespace, and per expected service one ListInstances and one
/// DiscoverInstances (HealthStatus ALL, which also carries each instance's health); listings are paginated.
/// Services are checked <paramref name="concurrency"/> at a time. With an <paramref name="ecs"/> reader, the ECS services
/// that registered instances (their <c>ECS_CLUSTER_NAME</c> and <c>ECS_SERVICE_NAME</c>) are described once per cluster,
/// so <c>instance-count</c> accepts what a deployment in progress may run and names a failed or rolled-back one.
/// </summary>
internal sealed class RegistryVerifier(ICloudMapClient client, int concurrency = 4, IEcsReader? ecs = null)
{
    private static readonly INamespaceCheck[] NamespaceChecks = [new NamespaceExistsCheck(), new NamespaceIdCheck(), new SoaTtlCheck(), new UnknownServicesCheck()];

    private static readonly IServiceCheck[] ServiceChecks =
    [
        new ServiceIdCheck(), new DnsRecordsCheck(), new RoutingPolicyCheck(), new HealthCheckKindCheck(), new InstanceCountCheck(), new InstanceAttributesCheck(),
        new DeclaredInstancesCheck(), new UnknownInstancesCheck(), new DiscoverInstancesCheck(), new InstanceHealthCheck(), new ServiceAttributesCheck(),
    ];

    private static readonly IEcsCheck[] EcsChecks = [new EcsServiceCheck(), new EcsDiscoveryConfigCheck(), new StaleInstancesCheck()];

    private static readonly ServiceExistsCheck ServiceExists = new();

    /// <summary>Every check class, for the catalogue test.</summary>
    internal static IEnumerable<CheckInfo> CheckInfos => [.. NamespaceChecks.Select(c => c.Info), ServiceExists.Info, .. ServiceChecks.Select(c => c.Info), .. EcsChecks.Select(c => c.Info)];

    /// <summary>Runs every check. Throws <see cref="CloudMapException"/> when the registry cannot be read.</summary>
    /// <param name="expected">What the registry must hold.</param>
    /// <param name="strict">Report services the assembly does not know as failures instead of warnings.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<VerificationReport> VerifyAsync(ExpectedState expected, bool strict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        // One ECS reader per run: it stops asking once ECS proved unreachable or refused the caller.
        var ecsThisRun = ecs is null ? null : new FailFastEcsReader(ecs);
        var results = new List<CheckResult>();
        var live = await client.ListNamespacesAsync(cancellationToken).ConfigureAwait(false);
        var servicesByNamespace = new Dictionary<ExpectedNamespace, (LiveNamespace Namespace, IReadOnlyList<LiveService> Services)>();

        foreach (var ns in expected.Namespaces)
        {
            var facts = await GatherAsync(ns, live, expected, strict, cancellationToken).ConfigureAwait(false);
            results.AddRange(NamespaceChecks.SelectMany(c => c.Check(facts)));
            if (facts.Chosen is { } chosen)
            {
                servicesByNamespace[ns] = (chosen, facts.Services);
            }
        }

        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var perService = await Task.WhenAll(expected.Services.Select(async service =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var found = servicesByNamespace.TryGetValue(service.Namespace, out var match) ? match : ((LiveNamespace, IReadOnlyList<LiveService>)?)null;
                return await VerifyServiceAsync(service, found, strict, ecsThisRun, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        results.AddRange(perService.SelectMany(r => r.Results));
        return new VerificationReport(results) { Observations = [.. perService.Select(r => r.Observed).OfType<ServiceObservation>()] };
    }

    /// <summary>The namespace's live candidates, and the services of the one with the expected id, else of the one that holds the most declared services.</summary>
    private async Task<NamespaceFacts> GatherAsync(ExpectedNamespace ns, IReadOnlyList<LiveNamespace> live, ExpectedState expected, bool strict, CancellationToken cancellationToken)
    {
        var wanted = expected.Services.Where(s => s.Namespace == ns && s.Name.IsResolved).Select(s => s.Name.Literal!).ToHashSet(StringComparer.Ordinal);
        var allResolved = expected.Services.Where(s => s.Namespace == ns).All(s => s.Name.IsResolved);

        // An unresolved name (Literal null) matches no live namespace: nothing is listed and namespace-exists skips. An
        // imported namespace is the one with its id, whatever its name and type.
        var sameName = ns.Imported ? live.Where(l => l.Id == ns.Id).ToList() : live.Where(l => l.Name == ns.Name.Literal).ToList();
        var candidates = ns.Imported ? sameName : sameName.Where(l => l.Type == NamespaceTypes.Of(ns.Kind)).ToList();
        LiveNamespace? best = null;
        IReadOnlyList<LiveService> bestServices = [];
        foreach (var candidate in candidates.OrderByDescending(c => c.Id == ns.Id))
        {
            var services = await client.ListServicesAsync(candidate.Id, cancellationToken).ConfigureAwait(false);
            if (best is null || (best.Id != ns.Id && services.Count(s => wanted.Contains(s.Name)) > bestServices.Count(s => wanted.Contains(s.Name))))
            {
                (best, bestServices) = (candidate, services);
            }
        }

        return new NamespaceFacts(ns, sameName, best, candidates.Count, bestServices, wanted, allResolved, strict);
    }

    private async Task<(List<CheckResult> Results, ServiceObservation? Observed)> VerifyServiceAsync(ExpectedService service, (LiveNamespace Namespace, IReadOnlyList<LiveService> Services)? liveNamespace, bool strict, IEcsReader? ecsThisRun, CancellationToken cancellationToken)
    {
        // An unresolved name matches the service CloudFormation created, by the id read from the deployed stack, else none.
        var live = liveNamespace?.Services.FirstOrDefault(s => service.Name.IsResolved ? s.Name == service.Name.Literal : service.Id is not null && s.Id == service.Id);
        var results = ServiceExists.Check(new ServiceLookup(service, liveNamespace is not null, live)).ToList();
        if (live is null)
        {
            // Why a service is missing is in ECS (a Service Connect service appears once its ECS service has started).
            var why = results.Any(r => r.Status == CheckStatus.Fail) ? await EcsFactsAsync(ecsThisRun, service, [], cancellationToken).ConfigureAwait(false) : EcsFacts.None;
            return (Explained([.. results, .. EcsChecks.SelectMany(c => c.Check(new EcsLookup(service, why)))], why), service.Name.IsResolved && liveNamespace is { } missingIn ? new ServiceObservation(service, missingIn.Namespace, null, [], new HashSet<string>()) { EcsCause = Cause(why) } : null);
        }

        // One ListInstances and one DiscoverInstances (HealthStatus ALL: the API clients use, with each instance's health).
        // A service in a namespace another account shared is named by its ARN, and DiscoverInstances names the owner.
        var ns = liveNamespace!.Value.Namespace;
        var key = ns.KeyOf(live);
        var instances = await client.ListInstancesAsync(key, cancellationToken).ConfigureAwait(false);
        var discovered = await client.DiscoverInstancesAsync(ns.DiscoveryName, live.Name, "ALL", ns.ResourceOwner, cancellationToken).ConfigureAwait(false);
        var ecsFacts = await EcsFactsAsync(ecsThisRun, service, instances, cancellationToken).ConfigureAwait(false);
        var attributes = service.ServiceAttributes.Count == 0 ? null : await ServiceAttributesAsync(key, cancellationToken).ConfigureAwait(false);
        var facts = new ServiceFacts(service, live, instances, discovered, strict) { Ecs = ecsFacts, ServiceAttributes = attributes };
        results.AddRange(ServiceChecks.SelectMany(c => c.Check(facts)));
        results.AddRange(EcsChecks.SelectMany(c => c.Check(new EcsLookup(service, ecsFacts))));

        return (Explained(results, ecsFacts), new ServiceObservation(service, liveNamespace.Value.Namespace, live, instances, Route53Answers.Healthy(live, instances, discovered)) { EcsCause = Cause(ecsFacts) });
    }

    /// <summary>The live service attributes, or why they could not be read (a refused or unsupported GetServiceAttributes skips the check).</summary>
    private async Task<ServiceAttributesRead> ServiceAttributesAsync(string serviceKey, CancellationToken cancellationToken)
    {
        try
        {
            return new ServiceAttributesRead(await client.GetServiceAttributesAsync(serviceKey, cancellationToken).ConfigureAwait(false), null);
        }
        catch (CloudMapException e) when (e.Code is not ("Throttling" or "ThrottlingException" or "RequestTimeout" or "Timeout"))
        {
            return new ServiceAttributesRead(null, $"GetServiceAttributes: {e.Code}");
        }
    }

    private static Task<EcsFacts> EcsFactsAsync(IEcsReader? ecsThisRun, ExpectedService service, IReadOnlyList<LiveInstance> instances, CancellationToken cancellationToken)
        => ecsThisRun is null ? Task.FromResult(EcsFacts.None) : new EcsFactsReader(ecsThisRun).ReadAsync(service, instances, cancellationToken);

    /// <summary>Every failure of an ECS-registered service carries what ECS says of its registering services as its cause.</summary>
    private static List<CheckResult> Explained(List<CheckResult> results, EcsFacts facts) => Explained(results, Cause(facts));

    /// <summary>Every failure among <paramref name="results"/> without a cause of its own gets <paramref name="cause"/> (the DNS checks use it too).</summary>
    internal static List<CheckResult> Explained(IEnumerable<CheckResult> results, string? cause)
        => cause is null ? [.. results] : [.. results.Select(r => r.Status == CheckStatus.Fail && r.Cause is null ? r with { Cause = cause } : r)];

    /// <summary>What ECS says of the registering services, as a cause; null when ECS described none.</summary>
    private static string? Cause(EcsFacts facts) => facts.Registrants.Count == 0 ? null : string.Join("; ", facts.Registrants.Select(r => r.Cause()));
}
