using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>A namespace created by plain CDK (e.g. a cluster's default namespace) seen as an <see cref="IDiscoveryNamespace"/>.</summary>
internal sealed class CdkNamespaceAdapter : IDiscoveryNamespace
{
    public CdkNamespaceAdapter(INamespace cloudMapNamespace)
    {
        CloudMapNamespace = cloudMapNamespace;
        DisplayPath = cloudMapNamespace.Node.Path;
        Usage = NamespaceSetup.TrackUsage(cloudMapNamespace, cloudMapNamespace.Type, NamespaceSetup.Label(cloudMapNamespace.NamespaceName, DisplayPath));
    }

    public INamespace CloudMapNamespace { get; }

    public string NamespaceId => CloudMapNamespace.NamespaceId;

    public string NamespaceArn => CloudMapNamespace.NamespaceArn;

    public string NamespaceName => CloudMapNamespace.NamespaceName;

    public NamespaceType NamespaceType => CloudMapNamespace.Type;

    public IVpc? Vpc => null;

    public string DisplayPath { get; }

    public NamespaceUsage Usage { get; }
}
