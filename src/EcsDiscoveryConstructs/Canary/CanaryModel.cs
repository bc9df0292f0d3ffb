using Amazon.CDK;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>A namespace in a canary's scope; <see cref="Id"/> and a computed <see cref="Name"/> are tokens.</summary>
/// <param name="Resource">Its resource in the stack; null for a namespace used by a literal id or ARN.</param>
/// <param name="LogicalId">Its logical id, or the key of a namespace used by id or ARN.</param>
/// <param name="Id">Its id (a token until CloudFormation creates it).</param>
/// <param name="Name">Its name (the id for a namespace used by id or ARN, whose name the stack does not know).</param>
/// <param name="Kind">PrivateDns, PublicDns or Http (a placeholder for a namespace used by id or ARN).</param>
/// <param name="SoaTtl">The SOA TTL of a DNS namespace, when set.</param>
internal sealed record ModelNamespace(CfnResource? Resource, string LogicalId, string Id, string Name, string Kind, int? SoaTtl)
{
    /// <summary>True for a namespace the stack uses by a literal id or ARN (imported, or shared by another account): found by id.</summary>
    public bool Imported { get; init; }

    /// <summary>The owner account of such a namespace named by ARN.</summary>
    public string? OwnerAccount { get; init; }

    /// <summary>Its ARN: the literal one for a namespace shared by another account, else in the stack's account.</summary>
    public string Arn(Stack stack) => stack.FormatArn(new ArnComponents { Service = "servicediscovery", Resource = "namespace", ResourceName = Id, Account = OwnerAccount, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
}

/// <summary>One DNS record type and TTL of a Cloud Map service.</summary>
internal sealed record ModelRecord(string Type, int Ttl);

/// <summary>A Cloud Map service in a canary's scope; <see cref="Id"/> (null for Service Connect) and computed names are tokens.</summary>
internal sealed record ModelService(
    string Source,
    string? Id,
    string Name,
    string Namespace,
    IReadOnlyList<ModelRecord> DnsRecords,
    string? RoutingPolicy,
    string? HealthCheck,
    int? MinInstances,
    int? MaxInstances,
    IReadOnlyList<string> EcsServiceNames,
    bool ServiceConnect);

/// <summary>
/// What a canary's scope holds, collected at synth from the CloudFormation resources: the namespaces, the Cloud Map
/// services and the clusters of the ECS services that register there. It scopes the canary's role; what the canary
/// checks is derived at run time from the deployed template (<c>CanaryExpectations</c>), as <c>verify</c> derives it.
/// </summary>
internal sealed record CanaryModel(string Stack, IReadOnlyList<ModelNamespace> Namespaces, IReadOnlyList<ModelService> Services)
{
    /// <summary>
    /// The clusters of the ECS services that register into the checked services (names, tokens while CloudFormation
    /// names them; null for one the template gives another way): what the role may read in ECS.
    /// </summary>
    public IReadOnlyList<string?> Clusters { get; init; } = [];

    /// <summary>The logical ids of the discovery resources under the scope (namespaces, Cloud Map services and instances, ECS services): the function's scope metadata.</summary>
    public IReadOnlyList<string> ScopeLogicalIds { get; init; } = [];
}
