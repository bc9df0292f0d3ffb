using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>Name formats from the Cloud Map API model, shared by the name rules.</summary>
internal static partial class NameFormats
{
    /// <summary>Longest DNS namespace name (private and public): 253 characters.</summary>
    public const int MaxDnsNamespaceLength = 253;

    /// <summary>Longest HTTP namespace name: 1,024 characters.</summary>
    public const int MaxHttpNamespaceLength = 1024;

    /// <summary>Longest service name: 127 characters.</summary>
    public const int MaxServiceNameLength = 127;

    /// <summary>Longest fully qualified DNS name (<c>service.namespace</c>): 253 characters.</summary>
    public const int MaxFqdnLength = 253;

    /// <summary>Returns why <paramref name="name"/> is not a valid DNS namespace name, or null when it is.</summary>
    public static string? DnsNamespaceProblem(string name)
    {
        if (name.Length is 0 or > MaxDnsNamespaceLength)
        {
            return $"has {name.Length} characters: use 1-{MaxDnsNamespaceLength}";
        }

        if (name.EndsWith('.'))
        {
            return "ends with '.': give the name without the trailing dot";
        }

        return name.Split('.').All(DnsLabel().IsMatch)
            ? null
            : "is not a DNS name: use dot-separated labels of 1-63 letters, digits, '-' or '_', not starting or ending with '-'";
    }

    /// <summary>Returns why <paramref name="name"/> is not a valid HTTP namespace name, or null when it is.</summary>
    public static string? HttpNamespaceProblem(string name)
    {
        if (name.Length is 0 or > MaxHttpNamespaceLength)
        {
            return $"has {name.Length} characters: use 1-{MaxHttpNamespaceLength}";
        }

        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            return "starts with 'arn:': a namespace name is a plain name, not an ARN";
        }

        return PrintableAscii().IsMatch(name) ? null : "contains spaces or characters outside printable ASCII ('!' to '~')";
    }

    /// <summary>Returns why <paramref name="name"/> is not a valid Cloud Map service name, or null when it is.</summary>
    public static string? ServiceNameProblem(string name)
    {
        if (name.Length is 0 or > MaxServiceNameLength)
        {
            return $"has {name.Length} characters: use 1-{MaxServiceNameLength}";
        }

        return name.Split('.').All(ServiceLabel().IsMatch)
            ? null
            : "is invalid: use dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-' (a one-character label is a letter or digit)";
    }

    /// <summary>One DNS label as Cloud Map accepts it in namespace and service names.</summary>
    [GeneratedRegex("^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")]
    private static partial Regex DnsLabel();

    /// <summary>One label of a Cloud Map service name (CreateService Name pattern): like a DNS label, but a one-character label is a letter or digit.</summary>
    [GeneratedRegex("^([A-Za-z0-9_][A-Za-z0-9_-]{0,61}[A-Za-z0-9_]|[A-Za-z0-9])$")]
    private static partial Regex ServiceLabel();

    [GeneratedRegex("^[!-~]+$")]
    private static partial Regex PrintableAscii();
}
