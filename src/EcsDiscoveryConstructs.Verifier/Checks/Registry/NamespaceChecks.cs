using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary><c>namespace-exists</c>: the namespace exists with its declared type.</summary>
internal sealed class NamespaceExistsCheck : INamespaceCheck
{
    public CheckInfo Info => CheckCatalog.NamespaceExists;

    public IEnumerable<CheckResult> Check(NamespaceFacts facts)
    {
        var ns = facts.Namespace;
        var type = NamespaceTypes.Of(ns.Kind);
        if (!ns.Name.IsResolved)
        {
            yield return new(ns.Stack, Info.Id, facts.Target, CheckStatus.Skip, $"namespace {ns.LogicalId}: its name is not known before deployment ({ns.Name.Expression}); not guessed");
        }
        else if (facts.Chosen is not { } chosen)
        {
            var other = facts.SameName.FirstOrDefault();
            yield return facts.Outcome(Info, CheckStatus.Fail, other is null
                ? $"namespace '{facts.Target}' ({type}) does not exist"
                : $"namespace '{facts.Target}' exists as {other.Type}, expected {type}", type, other?.Type ?? Words.Missing);
        }
        else
        {
            yield return facts.Outcome(Info, CheckStatus.Pass, $"{chosen.Type} namespace {chosen.Id}{(facts.Candidates > 1 ? $" (chosen among {facts.Candidates} with this name by its services)" : string.Empty)}", type, chosen.Type);
        }
    }
}

/// <summary><c>soa-ttl</c>: a DNS namespace's SOA TTL is the declared one.</summary>
internal sealed class SoaTtlCheck : INamespaceCheck
{
    public CheckInfo Info => CheckCatalog.SoaTtl;

    public IEnumerable<CheckResult> Check(NamespaceFacts facts)
    {
        if (facts.Chosen is { } chosen && facts.Namespace.SoaTtl is { } soa)
        {
            yield return facts.Result(Info, chosen.SoaTtl == soa, $"SOA TTL {soa} s", $"SOA TTL is {(chosen.SoaTtl is { } live ? $"{live} s" : "not set")}, expected {soa} s", $"{soa}", Words.Show(chosen.SoaTtl));
        }
    }
}

/// <summary><c>unknown-services</c>: the namespace holds no service the assembly does not declare.</summary>
internal sealed class UnknownServicesCheck : INamespaceCheck
{
    public CheckInfo Info => CheckCatalog.UnknownServices;

    public IEnumerable<CheckResult> Check(NamespaceFacts facts)
    {
        var unknown = facts.Services.Where(s => !facts.Wanted.Contains(s.Name)).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        if (facts.Chosen is not null && unknown.Count > 0 && facts.AllNamesResolved)
        {
            yield return new(facts.Namespace.Stack, Info.Id, facts.Target, facts.Strict ? CheckStatus.Fail : CheckStatus.Warn, $"services the assembly does not declare: {string.Join(", ", unknown)}")
            {
                Expected = Words.None,
                Actual = string.Join(", ", unknown),
            };
        }
    }
}
