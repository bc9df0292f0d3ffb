using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A CDK namespace seen as an <see cref="IDiscoveryNamespace"/>: an imported one, or one created by plain CDK (e.g. a
/// cluster's default namespace). A jsii object (not a construct of its own), so CDK APIs that take a resource take it;
/// its node, stack and environment are the CDK namespace's.
/// </summary>
internal sealed class CdkNamespaceAdapter : ForeignNamespace
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
        : base(UsageOf(cloudMapNamespace, identity), sharedByAccount)
    {
        CloudMapNamespace = cloudMapNamespace;
        Vpc = vpc;
        DisplayPath = cloudMapNamespace.Node.Path;
    }

    public override INamespace CloudMapNamespace { get; }

    public override string NamespaceId => namespaceId ??= CloudMapNamespace.NamespaceId;

    public override string NamespaceArn => namespaceArn ??= CloudMapNamespace.NamespaceArn;

    public override string NamespaceName => CloudMapNamespace.NamespaceName;

    public override NamespaceType NamespaceType => CloudMapNamespace.Type;

    public override IVpc? Vpc { get; }

    public override string DisplayPath { get; }

    public override Constructs.Node Node => CloudMapNamespace.Node;

    public override Amazon.CDK.Stack Stack => CloudMapNamespace.Stack;

    public override Amazon.CDK.IResourceEnvironment Env => CloudMapNamespace.Env;

    public override void ApplyRemovalPolicy(Amazon.CDK.RemovalPolicy policy) => CloudMapNamespace.ApplyRemovalPolicy(policy);

    private static NamespaceUsage UsageOf(INamespace cloudMapNamespace, string? identity)
    {
        NamespaceUsage Track() => NamespaceSetup.TrackUsage(cloudMapNamespace, cloudMapNamespace.Type, NamespaceSetup.Label(cloudMapNamespace.NamespaceName, cloudMapNamespace.Node.Path));
        return identity is null ? Track() : AppUsage.For(cloudMapNamespace).Shared(identity, Track);
    }
}

/// <summary>
/// What the library keeps about a namespace it did not create, in a base class of its own: when the jsii runtime
/// creates the object for JavaScript it lists the members the object's own class implements, and fails on the
/// interface's internal ones.
/// </summary>
internal abstract class ForeignNamespace(NamespaceUsage usage, string? sharedByAccount) : Amazon.JSII.Runtime.Deputy.DeputyBase, IDiscoveryNamespace
{
    public abstract INamespace CloudMapNamespace { get; }

    public abstract string NamespaceId { get; }

    public abstract string NamespaceArn { get; }

    public abstract string NamespaceName { get; }

    public abstract NamespaceType NamespaceType { get; }

    public abstract IVpc? Vpc { get; }

    public abstract string DisplayPath { get; }

    public abstract Constructs.Node Node { get; }

    public abstract Amazon.CDK.Stack Stack { get; }

    public abstract Amazon.CDK.IResourceEnvironment Env { get; }

    NamespaceUsage IDiscoveryNamespace.Usage => usage;

    string? IDiscoveryNamespace.SharedByAccount => sharedByAccount;

    public abstract void ApplyRemovalPolicy(Amazon.CDK.RemovalPolicy policy);
}
