namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// A namespace a template names by a literal id (<c>ns-...</c>) or ARN instead of a reference: imported, or shared by
/// another account. Compiled into both the construct library (the canary's model) and the verifier (templates), which
/// must recognise such names the same way.
/// </summary>
internal static class NamespaceReference
{
    /// <summary>What starts the key of such a namespace.</summary>
    public const string KeyPrefix = "imported:";

    /// <summary>The id and, for an ARN, the owner account of a literal namespace id or ARN; null for anything else.</summary>
    /// <remarks>ARN: <c>arn:PARTITION:servicediscovery:REGION:ACCOUNT:namespace/ns-...</c> (a 12-digit account).</remarks>
    public static (string Id, string? Owner)? Parse(string? literal)
    {
        if (literal is null)
        {
            return null;
        }

        var parts = literal.Split(':');
        if (parts.Length == 6 && parts[0] == "arn" && parts[2] == "servicediscovery" && parts[5].StartsWith("namespace/", StringComparison.Ordinal)
            && IsId(parts[5]["namespace/".Length..]) && Account(parts[4]) is { } account)
        {
            return (parts[5]["namespace/".Length..], account);
        }

        return IsId(literal) ? (literal, null) : null;
    }

    /// <summary>The key services use for such a namespace in place of a logical id: <c>imported:ID</c> or <c>imported:ID@OWNER</c>.</summary>
    public static string Key(string id, string? owner) => owner is null ? KeyPrefix + id : $"{KeyPrefix}{id}@{owner}";

    /// <summary><paramref name="text"/> when it is an AWS account id (12 digits, as ARNs and <c>ResourceOwner</c> carry it), else null.</summary>
    public static string? Account(string? text) => text is { Length: 12 } && text.All(char.IsAsciiDigit) ? text : null;

    /// <summary>A Cloud Map namespace id: <c>ns-</c> and lowercase letters or digits.</summary>
    private static bool IsId(string text) => text.Length is > 3 and <= 64 && text.StartsWith("ns-", StringComparison.Ordinal) && text[3..].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));
}
