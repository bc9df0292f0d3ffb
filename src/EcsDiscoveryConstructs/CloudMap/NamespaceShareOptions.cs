namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Who a namespace is shared with (<see cref="DiscoveryNamespaceBase.ShareWith"/>).</summary>
/// <remarks>https://docs.aws.amazon.com/ram/latest/APIReference/API_CreateResourceShare.html</remarks>
public sealed class NamespaceShareOptions
{
    /// <summary>
    /// The consumers: 12-digit account ids, organization ARNs (<c>arn:aws:organizations::111122223333:organization/o-...</c>)
    /// or organizational unit ARNs (<c>...:ou/o-.../ou-...</c>); at least one.
    /// </summary>
    public required string[] Principals { get; init; }

    /// <summary>The resource share's name.</summary>
    /// <value>Default: the namespace name with <c>-share</c> appended.</value>
    public string? Name { get; init; }

    /// <summary>Whether accounts outside the organization may be invited.</summary>
    /// <value>Default: false (organization members only).</value>
    public bool AllowExternalPrincipals { get; init; }
}
