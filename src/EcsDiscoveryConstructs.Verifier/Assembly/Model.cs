namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>The kind of a Cloud Map namespace.</summary>
internal enum NamespaceKind
{
    /// <summary>Private DNS (a VPC's hosted zone).</summary>
    PrivateDns,

    /// <summary>Public DNS.</summary>
    PublicDns,

    /// <summary>HTTP (API discovery only).</summary>
    Http,
}

/// <summary>How a Cloud Map service judges instance health.</summary>
internal enum HealthCheckKind
{
    /// <summary>No health check.</summary>
    None,

    /// <summary>Custom health, reported by the registrant (ECS).</summary>
    Custom,

    /// <summary>A Route 53 health check.</summary>
    Route53,
}

/// <summary>How one service reaches another.</summary>
internal enum ConnectionKind
{
    /// <summary>Through a Service Connect client alias.</summary>
    ServiceConnect,

    /// <summary>Through a Cloud Map DNS name.</summary>
    Dns,

    /// <summary>Through Cloud Map DiscoverInstances.</summary>
    CloudMapApi,

    /// <summary>A security-group rule, without a discovery variable that says how.</summary>
    Network,
}

/// <summary>A value from a template: a literal, or an expression CloudFormation resolves only at deploy time.</summary>
/// <param name="Literal">The literal text, or null when unresolved.</param>
/// <param name="Expression">The unresolved expression as JSON (e.g. <c>{"Ref":"..."}</c>), or null for literals.</param>
internal sealed record TemplateValue(string? Literal, string? Expression)
{
    /// <summary>True when the value is known before deployment.</summary>
    public bool IsResolved => Literal is not null;

    /// <inheritdoc />
    public override string ToString() => Literal ?? $"(unresolved: {Expression})";
}

/// <summary>A namespace declared in a stack.</summary>
internal sealed record NamespaceInfo(string LogicalId, TemplateValue Name, NamespaceKind Kind, long? SoaTtl)
{
    /// <summary>The CIDR block of the namespace's VPC when the template declares it, e.g. <c>10.0.0.0/16</c>.</summary>
    public string? VpcCidr { get; init; }
}

/// <summary>One DNS record a Cloud Map service creates per instance.</summary>
internal sealed record DnsRecordInfo(string Type, long Ttl);

/// <summary>A Cloud Map service declared in a stack.</summary>
internal sealed record CloudMapServiceInfo(
    string LogicalId,
    TemplateValue Name,
    string? NamespaceLogicalId,
    IReadOnlyList<DnsRecordInfo> DnsRecords,
    string? RoutingPolicy,
    HealthCheckKind HealthCheck)
{
    /// <summary>True when the service answers DNS queries (it has DNS records).</summary>
    public bool DnsDiscovery => DnsRecords.Count > 0;

    /// <summary>The service-level attributes (<c>ServiceAttributes</c>), by key.</summary>
    public IReadOnlyDictionary<string, TemplateValue> ServiceAttributes { get; init; } = new Dictionary<string, TemplateValue>();
}

/// <summary>A Service Connect endpoint an ECS service offers.</summary>
internal sealed record ServiceConnectEndpointInfo(string PortName, string? DiscoveryName, TemplateValue? DnsName, int? Port);

/// <summary>An ECS service declared in a stack, with how it registers for discovery.</summary>
internal sealed record EcsServiceInfo(
    string LogicalId,
    TemplateValue Name,
    int? DesiredCount,
    int? MinTasks,
    int? MaxTasks,
    string? RegistryServiceLogicalId,
    TemplateValue? RegistryArn,
    string? ServiceConnectNamespaceLogicalId,
    IReadOnlyList<ServiceConnectEndpointInfo> Endpoints)
{
    /// <summary>The cluster's name: a literal, or the cluster's logical id when CloudFormation names it.</summary>
    public string Cluster { get; init; } = string.Empty;

    /// <summary>The logical id of the template's cluster when CloudFormation names it (no literal <c>ClusterName</c>): its physical id is the name.</summary>
    public string? ClusterLogicalId { get; init; }

    /// <summary>The logical ids of every Cloud Map service it registers into (<c>ServiceRegistries</c>).</summary>
    public IReadOnlyList<string> RegistryServiceLogicalIds { get; init; } = [];

    /// <summary><c>EnableExecuteCommand</c> when the template gives a literal (absent is false), null when an expression decides.</summary>
    public bool? EnableExecuteCommand { get; init; } = false;

    /// <summary>The deployment configuration's minimumHealthyPercent and maximumPercent, when literal.</summary>
    public (int? MinimumHealthyPercent, int? MaximumPercent) DeploymentLimits { get; init; }

    /// <summary>The task definition family, when literal.</summary>
    public string? TaskFamily { get; init; }

    /// <summary>The container port ECS registers (<c>ServiceRegistries.ContainerPort</c>), else the first mapped port.</summary>
    public int? RegistryPort { get; init; }

    /// <summary>Container ports by port-mapping name, for Service Connect endpoints.</summary>
    public IReadOnlyDictionary<string, int> NamedPorts { get; init; } = new Dictionary<string, int>();

    /// <summary>The deployment strategy (<c>DeploymentConfiguration.Strategy</c>: BLUE_GREEN, LINEAR, CANARY), when the template sets one.</summary>
    public string? DeploymentStrategy { get; init; }

    /// <summary>How many VPC Lattice target groups the service registers in (<c>VpcLatticeConfigurations</c>).</summary>
    public int LatticeTargets { get; init; }

    /// <summary>The fewest tasks to expect: the autoscaling minimum, else the desired count.</summary>
    public int? ExpectedMin => MinTasks ?? DesiredCount;

    /// <summary>The most tasks to expect: the autoscaling maximum, else the desired count.</summary>
    public int? ExpectedMax => MaxTasks ?? DesiredCount;
}

/// <summary>A caller/callee pair: the caller's security group may reach the callee on <see cref="Port"/>.</summary>
internal sealed record ConnectionInfo(string FromLogicalId, string ToLogicalId, ConnectionKind Kind, int Port);

/// <summary>Everything discovery-related one stack declares.</summary>
internal sealed record StackTopology(
    string Name,
    IReadOnlyList<NamespaceInfo> Namespaces,
    IReadOnlyList<CloudMapServiceInfo> CloudMapServices,
    IReadOnlyList<EcsServiceInfo> EcsServices,
    IReadOnlyList<ConnectionInfo> Connections)
{
    /// <summary>Instances the template itself registers (<c>AWS::ServiceDiscovery::Instance</c>: IP, CNAME, non-IP or load balancer alias).</summary>
    public IReadOnlyList<DeclaredInstance> Instances { get; init; } = [];

    /// <summary>The name the stack is deployed under (the manifest's <c>stackName</c>, else the artifact id): what CloudFormation calls take.</summary>
    public string DeployedName { get; init; } = Name;

    /// <summary>DiscoveryCanary functions in the stack (functions whose environment carries an expected model).</summary>
    public IReadOnlyList<CanaryInfo> Canaries { get; init; } = [];

    /// <summary>The template text the topology was read from (what CloudFormation's GetTemplate returns for the deployed stack); not part of the topology's JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? TemplateBody { get; init; }

    /// <summary>Namespaces the stack does not create but uses by a literal id or ARN (imported, or shared by another account).</summary>
    public IReadOnlyList<ImportedNamespaceInfo> ImportedNamespaces { get; init; } = [];

    /// <summary>How many instances the template declares, per Cloud Map service logical id.</summary>
    public IReadOnlyDictionary<string, int> DeclaredInstances => Instances.GroupBy(i => i.ServiceLogicalId).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>An <c>AWS::ServiceDiscovery::Instance</c> of a template, with its attributes as the template gives them.</summary>
/// <param name="LogicalId">The instance resource's logical id.</param>
/// <param name="ServiceLogicalId">The Cloud Map service it joins.</param>
/// <param name="InstanceId">The instance id; unresolved when the template computes it.</param>
/// <param name="Attributes">Its attributes (e.g. <c>AWS_INSTANCE_IPV4</c>, <c>AWS_INSTANCE_CNAME</c>, <c>AWS_ALIAS_DNS_NAME</c>, custom ones).</param>
internal sealed record DeclaredInstance(string LogicalId, string ServiceLogicalId, TemplateValue InstanceId, IReadOnlyDictionary<string, TemplateValue> Attributes);

/// <summary>A DiscoveryCanary function of a template.</summary>
/// <param name="LogicalId">The function's logical id.</param>
/// <param name="NamespaceLogicalIds">The namespaces its scope covers.</param>
/// <param name="Schedule">The schedule expression of the rule that runs it, when one does.</param>
/// <param name="Alarmed">True when the stack has an alarm on the canary's metrics.</param>
internal sealed record CanaryInfo(string LogicalId, IReadOnlyList<string> NamespaceLogicalIds, string? Schedule, bool Alarmed)
{
    /// <summary>The logical ids its scope metadata (<c>EcsDiscovery::CanaryScope</c>) names; null: the whole stack.</summary>
    public IReadOnlyList<string>? Scope { get; init; }
}

/// <summary>The stacks of a cloud assembly.</summary>
internal sealed record CloudAssemblyTopology(string Directory, IReadOnlyList<StackTopology> Stacks);

/// <summary>
/// A namespace a stack uses by a literal id (<c>ns-...</c>) or ARN without creating it: imported, or shared by another
/// account through AWS RAM. Its services refer to it by <see cref="Key"/> (<c>imported:ns-...</c>).
/// </summary>
/// <param name="Key">The key its services use in place of a logical id.</param>
/// <param name="Id">The namespace id.</param>
/// <param name="OwnerAccount">The account in its ARN, when the template gives the ARN.</param>
internal sealed record ImportedNamespaceInfo(string Key, string Id, string? OwnerAccount)
{
    /// <summary>The key for a literal namespace id or ARN (<c>imported:ns-...</c> or <c>imported:ns-...@ACCOUNT</c>); null for anything else.</summary>
    public static string? KeyOf(string? literal) => Shared.NamespaceReference.Parse(literal) is { } found ? Shared.NamespaceReference.Key(found.Id, found.Owner) : null;

    /// <summary>The imported namespace a key names; null for a logical id.</summary>
    public static ImportedNamespaceInfo? FromKey(string? key)
    {
        if (key is null || !key.StartsWith(Shared.NamespaceReference.KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key[Shared.NamespaceReference.KeyPrefix.Length..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? new ImportedNamespaceInfo(key, rest, null) : new ImportedNamespaceInfo(key, rest[..at], rest[(at + 1)..]);
    }
}
