using Amazon.CDK;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>A namespace in a canary's scope; <see cref="Id"/> and a computed <see cref="Name"/> are tokens.</summary>
/// <remarks>What the role reads: its ARN, and its name for the <c>servicediscovery:NamespaceName</c> condition.</remarks>
internal sealed record ModelNamespace
{
    /// <summary>Its resource in the stack; null for a namespace used by a literal id or ARN.</summary>
    public CfnResource? Resource { get; init; }

    /// <summary>Its logical id, or the key of a namespace used by id or ARN.</summary>
    public required string LogicalId { get; init; }

    /// <summary>Its id (a token until CloudFormation creates it).</summary>
    public required string Id { get; init; }

    /// <summary>Its name (the id for a namespace used by id or ARN, whose name the stack does not know).</summary>
    public required string Name { get; init; }

    /// <summary>True for a namespace the stack uses by a literal id or ARN (imported, or shared by another account): found by id.</summary>
    public bool Imported { get; init; }

    /// <summary>The owner account of such a namespace named by ARN.</summary>
    public string? OwnerAccount { get; init; }

    /// <summary>Its ARN: the literal one for a namespace shared by another account, else in the stack's account.</summary>
    public string Arn(Stack stack) => stack.FormatArn(new ArnComponents { Service = "servicediscovery", Resource = "namespace", ResourceName = Id, Account = OwnerAccount, ArnFormat = ArnFormat.SLASH_RESOURCE_NAME });
}

/// <summary>A Cloud Map service in a canary's scope, as its role reads it.</summary>
/// <param name="Source">The logical id of its resource (of the ECS service, for a Service Connect endpoint).</param>
/// <param name="Id">Its id, a token; null for a Service Connect endpoint's, which ECS creates at deployment.</param>
/// <param name="Namespace">The key of its namespace.</param>
internal sealed record ModelService(string Source, string? Id, string Namespace)
{
    /// <summary>True for the Cloud Map service of a Service Connect endpoint.</summary>
    public bool ServiceConnect => Id is null;
}

/// <summary>
/// What a canary's scope holds, collected at synth from the CloudFormation resources: the namespaces, the Cloud Map
/// services and the clusters of the ECS services that register there. It scopes the canary's role; what the canary
/// checks is derived at run time from the deployed template (<c>CanaryExpectations</c>), as <c>verify</c> derives it.
/// </summary>
internal sealed record CanaryModel(IReadOnlyList<ModelNamespace> Namespaces, IReadOnlyList<ModelService> Services)
{
    /// <summary>
    /// The clusters of the ECS services that register into the checked services (names, tokens while CloudFormation
    /// names them; null for one the template gives another way): what the role may read in ECS.
    /// </summary>
    public IReadOnlyList<string?> Clusters { get; init; } = [];

    /// <summary>The logical ids of the discovery resources under the scope (namespaces, Cloud Map services and instances, ECS services): the function's scope metadata.</summary>
    public IReadOnlyList<string> ScopeLogicalIds { get; init; } = [];

    /// <summary>The Cloud Map services the role can name by ARN (those not created by ECS for Service Connect).</summary>
    public int NamedServices => Services.Count(s => !s.ServiceConnect);

    /// <summary>
    /// Whether the role names each checked service: up to <see cref="Validation.CanaryRules.MaxNamedServices"/>, past which
    /// it reads <c>service/*</c> (warned by <c>canary-service-reads</c>).
    /// </summary>
    public bool NamesEachService => NamedServices <= Validation.CanaryRules.MaxNamedServices;
}
