using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary><c>service-attributes</c>: the service-level attributes the template declares are live with their values.</summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_GetServiceAttributes.html</remarks>
internal sealed class ServiceAttributesCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.ServiceAttributes;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        var declared = facts.Service.ServiceAttributes;
        if (declared.Count == 0 || facts.ServiceAttributes is not { } read)
        {
            yield break;
        }

        var expected = string.Join(", ", declared.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
        if (read.Attributes is not { } live)
        {
            yield return new CheckResult(facts.Service.Stack, Info.Id, facts.Target, CheckStatus.Skip, $"service attributes not read ({read.Unreadable})") { Expected = expected, Actual = string.Empty };
            yield break;
        }

        var wrong = declared.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => !live.TryGetValue(a.Key, out var value) ? $"{a.Key} missing"
                : a.Value.IsResolved && value != a.Value.Literal ? $"{a.Key}={Redactor.Shown(value)} (expected {a.Value.Literal})"
                : null)
            .OfType<string>().ToList();
        var actual = string.Join(", ", live.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Redactor.Shown(a.Value)}"));
        yield return facts.Result(Info, wrong.Count == 0, $"{declared.Count} service attributes as declared", $"service attributes differ: {string.Join("; ", wrong)}", expected, actual);
    }
}
