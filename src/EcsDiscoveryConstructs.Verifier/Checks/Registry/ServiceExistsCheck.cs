using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary>An expected service and what its namespace's listing holds under its name.</summary>
/// <param name="Service">The expected service.</param>
/// <param name="NamespaceFound">True when its namespace exists (otherwise <c>namespace-exists</c> already failed).</param>
/// <param name="Live">The live service with its name; null when there is none.</param>
internal sealed record ServiceLookup(ExpectedService Service, bool NamespaceFound, LiveService? Live);

/// <summary><c>service-exists</c>: the service exists in its namespace.</summary>
internal sealed class ServiceExistsCheck
{
    public CheckInfo Info => CheckCatalog.ServiceExists;

    public IEnumerable<CheckResult> Check(ServiceLookup lookup)
    {
        var service = lookup.Service;
        var target = $"{service.Namespace.Name}/{service.Name}";
        if (!service.Name.IsResolved)
        {
            yield return new(service.Stack, Info.Id, target, CheckStatus.Skip, $"service {service.Source}: its name is not known before deployment ({service.Name.Expression}); not guessed");
        }
        else if (!lookup.NamespaceFound)
        {
            // namespace-exists has already failed: no second finding for the same cause.
        }
        else if (lookup.Live is null)
        {
            yield return new(service.Stack, Info.Id, target, CheckStatus.Fail, $"service '{service.Name}' does not exist in namespace '{service.Namespace.Name}'{(service.ServiceConnect ? " (Service Connect creates it when the ECS service starts)" : string.Empty)}")
            {
                Expected = service.Name.ToString(),
                Actual = Words.Missing,
            };
        }
        else
        {
            yield return new(service.Stack, Info.Id, target, CheckStatus.Pass, $"service {lookup.Live.Id}") { Expected = service.Name.ToString(), Actual = lookup.Live.Id };
        }
    }
}
