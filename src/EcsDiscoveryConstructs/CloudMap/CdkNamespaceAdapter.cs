using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A CDK namespace seen as an <see cref="IDiscoveryNamespace"/>: an imported one, or one created by plain CDK (e.g. a
/// cluster's default namespace).
/// </summary>
internal sealed class CdkNamespaceAdapter : IDiscoveryNamespace
{
    // Read from the CDK once (each read is a round trip to its JavaScript; the values never change).
    private string? namespaceId;
    private string? namespaceArn;

    /// <param name="cloudMapNamespace">The CDK namespace.</param>
    /// <param name="vpc">The VPC of a private DNS namespace, when known.</param>
    /// <param name="identity">
    /// For imports: what identifies the namespace in AWS (its id, or its type and name). Imports with one identity share
    /// one usage record, so two imports of one namespace cannot each take the same service name.
    /// </param>
    /// <param name="sharedByAccount">The owner account of a namespace another account shared with this one.</param>
    public CdkNamespaceAdapter(INamespace cloudMapNamespace, IVpc? vpc = null, string? identity = null, string? sharedByAccount = null)
    {
        SharedByAccount = sharedByAccount;
        CloudMapNamespace = cloudMapNamespace;
        Vpc = vpc;
        DisplayPath = cloudMapNamespace.Node.Path;
        NamespaceUsage Track() => NamespaceSetup.TrackUsage(cloudMapNamespace, cloudMapNamespace.Type, NamespaceSetup.Label(cloudMapNamespace.NamespaceName, DisplayPath));
        Usage = identity is null ? Track() : AppUsage.For(cloudMapNamespace).Shared(identity, Track);
    }

    public INamespace CloudMapNamespace { get; }

    public string NamespaceId => namespaceId ??= CloudMapNamespace.NamespaceId;

    public string NamespaceArn => namespaceArn ??= CloudMapNamespace.NamespaceArn;

    public string NamespaceName => CloudMapNamespace.NamespaceName;

    public NamespaceType NamespaceType => CloudMapNamespace.Type;

    public IVpc? Vpc { get; }

    public string DisplayPath { get; }

    public NamespaceUsage Usage { get; }

    public string? SharedByAccount { get; }

    public Constructs.Node Node => CloudMapNamespace.Node;

    public Amazon.CDK.Stack Stack => CloudMapNamespace.Stack;

    public Amazon.CDK.IResourceEnvironment Env => CloudMapNamespace.Env;

    public void ApplyRemovalPolicy(Amazon.CDK.RemovalPolicy policy) => CloudMapNamespace.ApplyRemovalPolicy(policy);
}
