namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// A domain name as Route 53 stores it in a record value (a CNAME's target, <c>AWS_INSTANCE_CNAME</c>): dot-separated
/// labels of 1-63 printable ASCII characters other than the dot, at most 253 characters without the optional final dot
/// (255 octets on the wire), no spaces, no characters outside ASCII.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html ("a-z, 0-9, - (hyphen)" and the
/// printable characters listed there; "each label can be up to 63 bytes"; "the total length of a domain name can't exceed 255
/// bytes, including the dots"); https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html (AWS_INSTANCE_CNAME).</remarks>
internal static class DnsNameText
{
    /// <summary>The longest name without its final dot.</summary>
    public const int MaxLength = 253;

    /// <summary>The longest label.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Why <paramref name="text"/> is not a domain name Route 53 accepts, or null when it is one.</summary>
    public static string? Problem(string text)
    {
        var name = text.EndsWith('.') ? text[..^1] : text;
        if (name.Length is 0 or > MaxLength)
        {
            return $"has {name.Length} characters without the final dot: use 1-{MaxLength}";
        }

        if (name.Any(c => c is < '!' or > '~'))
        {
            return "contains spaces, control characters or characters outside ASCII";
        }

        return name.Split('.').Any(label => label.Length is 0 or > MaxLabelLength)
            ? $"has an empty label or one longer than {MaxLabelLength} characters"
            : null;
    }
}
