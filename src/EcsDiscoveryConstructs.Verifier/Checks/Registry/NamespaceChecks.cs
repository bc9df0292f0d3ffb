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
        if (ns.Imported)
        {
            var owner = ns.OwnerAccount is null ? string.Empty : $" (owned by account {ns.OwnerAccount})";
            yield return facts.Chosen is { } found
                ? facts.Outcome(Info, CheckStatus.Pass, $"{found.Type} namespace {found.Id} '{found.Name}', imported{owner}{(found.ResourceOwner is { } live && live != ns.OwnerAccount ? $"; ListNamespaces names owner {live}" : string.Empty)}", ns.Id!, found.Id)
                : facts.Outcome(Info, CheckStatus.Fail, $"imported namespace {ns.Id}{owner} is not visible: it does not exist, or is not shared with this account (AWS RAM share not accepted or revoked)", ns.Id!, Words.Missing);
        }
        else if (!ns.Name.IsResolved)
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
        // An imported namespace is shared with other stacks or accounts, whose services are not this assembly's to know.
        if (facts.Chosen is not null && unknown.Count > 0 && facts.AllNamesResolved && !facts.Namespace.Imported)
        {
            yield return new(facts.Namespace.Stack, Info.Id, facts.Target, facts.Strict ? CheckStatus.Fail : CheckStatus.Warn, $"services the assembly does not declare: {string.Join(", ", unknown)}")
            {
                Expected = Words.None,
                Actual = string.Join(", ", unknown),
            };
        }
    }
}
