using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Imported namespace attributes must be a namespace id and a namespace ARN that agree.</summary>
internal sealed partial class NamespaceImportAttributes : IPropsRule<NamespaceSpec>
{
    public RuleInfo Info => new(
        "namespace-import-attributes",
        RuleLevel.Error,
        "Imported namespaces: NamespaceId looks like 'ns-...', NamespaceArn is a Cloud Map namespace ARN ending in that id.",
        "A service ARN, a name or a hosted-zone id passed as a namespace only fails at deploy time (NamespaceNotFound).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_Namespace.html" };

    public IEnumerable<Violation> Check(NamespaceSpec subject)
    {
        if (!subject.IsImport)
        {
            yield break;
        }

        var id = subject.ImportedId;
        var arn = subject.ImportedArn;
        var idOk = !TokenGuard.IsConcrete(id) || NamespaceId().IsMatch(id!);
        if (!idOk)
        {
            yield return new Violation($"NamespaceId '{id}'", "is not a namespace id: expected 'ns-' followed by letters and digits", "Copy the Id from 'aws servicediscovery list-namespaces', e.g. 'ns-ylexjili4cdxy3xm'.");
        }

        if (TokenGuard.IsConcrete(arn))
        {
            var match = NamespaceArn().Match(arn!);
            if (!match.Success)
            {
                yield return new Violation($"NamespaceArn '{arn}'", "is not a Cloud Map namespace ARN: expected 'arn:<partition>:servicediscovery:<region>:<account>:namespace/ns-...'", "Copy the Arn from 'aws servicediscovery list-namespaces'.");
            }
            else if (idOk && TokenGuard.IsConcrete(id) && match.Groups["id"].Value != id)
            {
                yield return new Violation($"NamespaceArn '{arn}'", $"names namespace '{match.Groups["id"].Value}', not NamespaceId '{id}'", "Pass the id and the ARN of the same namespace.");
            }
        }
    }

    [GeneratedRegex("^ns-[a-z0-9]{1,61}$")]
    private static partial Regex NamespaceId();

    [GeneratedRegex("^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:[0-9]{12}:namespace/(?<id>ns-[a-z0-9]+)$")]
    private static partial Regex NamespaceArn();
}
