using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A namespace is shared with accounts, organizational units or the organization, and not with its own account.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/cloud-map/latest/dg/sharing-namespaces.html: consumers are "specific AWS accounts inside
/// its organization", "an organizational unit" or "its entire organization". Formats from the Organizations API
/// reference: organization ids <c>o-[a-z0-9]{10,32}</c>, OU ids <c>ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}</c>.
/// </remarks>
internal sealed partial class NamespaceSharePrincipals : IPropsRule<NamespaceShareSpec>
{
    public RuleInfo Info => new(
        "namespace-share-principals",
        RuleLevel.Error,
        "ShareWith names at least one principal, each a 12-digit account id (not the owner's), an organization ARN or an organizational unit ARN, each once.",
        "Cloud Map namespaces are shared with accounts, OUs or the organization through AWS RAM; any other principal fails CreateResourceShare, and sharing with the owner account does nothing.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/dg/sharing-namespaces.html" };

    public IEnumerable<Violation> Check(NamespaceShareSpec subject)
    {
        var principals = subject.Options.Principals;
        if (principals.Length == 0)
        {
            yield return new Violation("ShareWith Principals", "is empty: the namespace would be shared with no one", "Name an account id, e.g. Principals = [\"111122223333\"].");
            yield break;
        }

        foreach (var (principal, i) in principals.Select((p, i) => (p, i)))
        {
            if (principal is null || (TokenGuard.IsConcrete(principal) && !Account().IsMatch(principal) && !Organization().IsMatch(principal) && !OrganizationalUnit().IsMatch(principal)))
            {
                yield return new Violation($"ShareWith Principals[{i}] '{principal}'", "is not an account id, organization ARN or organizational unit ARN", "Use e.g. '111122223333', 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5' or 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdefgh34'.");
            }
            else if (principal == subject.OwnerAccount)
            {
                yield return new Violation($"ShareWith Principals[{i}] '{principal}'", "is the account that owns the namespace", "Remove it: the owner uses the namespace without a share.");
            }
        }

        if (principals.Where(p => p is not null).GroupBy(p => p).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return new Violation($"ShareWith Principals '{twice.Key}'", $"is named {twice.Count()} times", "Name each principal once.");
        }
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex Account();

    [GeneratedRegex(@"^arn:aws[a-z-]*:organizations::\d{12}:organization/o-[a-z0-9]{10,32}$")]
    private static partial Regex Organization();

    [GeneratedRegex(@"^arn:aws[a-z-]*:organizations::\d{12}:ou/o-[a-z0-9]{10,32}/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$")]
    private static partial Regex OrganizationalUnit();
}
