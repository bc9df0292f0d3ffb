using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>What the library's namespace constructs share: validation, tags, typed attributes and the service-name registry.</summary>
public abstract class DiscoveryNamespaceBase : Construct, IDiscoveryNamespace
{
    private readonly NamespaceUsage usage;

    // Read from the CDK once: each read is a round trip to its JavaScript, and the values never change.
    private string? namespaceId;
    private string? namespaceArn;

    /// <summary>Validates <paramref name="spec"/> (throwing every error at once) before any child is created.</summary>
    private protected DiscoveryNamespaceBase(Construct scope, string id, string kind, NamespaceSpec spec)
        : base(scope, id)
    {
        Kind = kind;
        RequiredProps.Check(this, kind, ("Name", spec.Name));
        NamespaceSetup.Validate(this, kind, spec);
        NamespaceName = spec.Name!;
        NamespaceType = spec.Type;
        usage = NamespaceSetup.TrackUsage(this, spec.Type, NamespaceSetup.Label(NamespaceName, Node.Path));
        AppUsage.For(this).AddNamespace(this);
    }

    /// <inheritdoc />
    public abstract INamespace CloudMapNamespace { get; }

    /// <inheritdoc />
    public string NamespaceId => namespaceId ??= CloudMapNamespace.NamespaceId;

    /// <inheritdoc />
    public string NamespaceArn => namespaceArn ??= CloudMapNamespace.NamespaceArn;

    /// <inheritdoc />
    public string NamespaceName { get; }

    /// <inheritdoc />
    public NamespaceType NamespaceType { get; }

    /// <inheritdoc />
    public string DisplayPath => Node.Path;

    /// <summary>The stack the namespace is in.</summary>
    public Amazon.CDK.Stack Stack => Amazon.CDK.Stack.Of(this);

    /// <summary>The account and Region the namespace is in.</summary>
    public Amazon.CDK.IResourceEnvironment Env => CloudMapNamespace.Env;

    /// <summary>Applies a removal policy to the Cloud Map namespace resource.</summary>
    public void ApplyRemovalPolicy(Amazon.CDK.RemovalPolicy policy) => CloudMapNamespace.ApplyRemovalPolicy(policy);

    IVpc? IDiscoveryNamespace.Vpc => VpcOrNull;

    NamespaceUsage IDiscoveryNamespace.Usage => usage;

    string? IDiscoveryNamespace.SharedByAccount => null;

    /// <summary>
    /// Shares the namespace with other accounts, organizational units or the organization through an AWS RAM resource
    /// share with the <c>AWSRAMPermissionCloudMapECSFullPermission</c> managed permission (the one Service Connect needs).
    /// Consumers import it with <c>FromAttributes</c> (its ARN) and create services in it; they cannot change it.
    /// </summary>
    /// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html</remarks>
    public Amazon.CDK.AWS.RAM.CfnResourceShare ShareWith(NamespaceShareOptions options)
        => NamespaceSharing.Share(this, Kind, options);

    /// <summary>The construct's type name used in messages.</summary>
    private protected string Kind { get; }

    /// <summary>The VPC for private DNS namespaces; null otherwise.</summary>
    private protected virtual IVpc? VpcOrNull => null;

    /// <summary>Applies the tags from the props; called by subclasses once the CDK namespace exists.</summary>
    private protected void ApplyTags(IReadOnlyDictionary<string, string>? tags) => NamespaceSetup.ApplyTags(this, Kind, () => CloudMapNamespace.Node.DefaultChild!, tags);
}
