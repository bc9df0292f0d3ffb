namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary>
/// <c>namespace-id</c>: with a model that carries ids (the canary's, resolved by CloudFormation at deploy), the namespace
/// is the one CloudFormation created, not one of the same name created outside it after the original was deleted.
/// </summary>
internal sealed class NamespaceIdCheck : INamespaceCheck
{
    public CheckInfo Info => CheckCatalog.NamespaceId;

    public IEnumerable<CheckResult> Check(NamespaceFacts facts)
    {
        if (facts.Chosen is { } chosen && facts.Namespace.Id is { } id && !facts.Namespace.Imported)
        {
            yield return facts.Result(Info, chosen.Id == id, $"namespace {id}", $"namespace '{facts.Target}' is {chosen.Id}, but the stack created {id}: it was replaced outside CloudFormation, which still manages {id}", id, chosen.Id);
        }
    }
}

/// <summary><c>service-id</c>: with a model that carries ids, the service is the one CloudFormation created.</summary>
internal sealed class ServiceIdCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.ServiceId;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        if (facts.Service.Id is { } id)
        {
            yield return facts.Result(Info, facts.Live.Id == id, $"service {id}", $"service '{facts.Target}' is {facts.Live.Id}, but the stack created {id}: it was replaced outside CloudFormation, which still manages {id}", id, facts.Live.Id);
        }
    }
}
