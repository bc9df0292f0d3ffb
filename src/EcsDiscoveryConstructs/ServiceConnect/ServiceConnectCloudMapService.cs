using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>
/// The Cloud Map service ECS creates for one Service Connect endpoint (named by its discovery name), for code that
/// calls the Cloud Map API or writes IAM policies about it.
/// </summary>
/// <remarks>
/// ECS creates this service when the ECS service deploys, so CloudFormation has no attribute for its id or ARN. What
/// is known at synth is its name and namespace, and IAM can scope Cloud Map discovery by exactly those:
/// <c>DiscoverInstances</c> and <c>DiscoverInstancesRevision</c> take the condition keys
/// <c>servicediscovery:NamespaceName</c> and <c>servicediscovery:ServiceName</c>
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html), which
/// <see cref="GrantDiscoverInstances"/> uses. Where the id or ARN itself is needed, <see cref="LookUpAtDeploy"/> reads
/// it after the ECS service is deployed.
/// </remarks>
public sealed class ServiceConnectCloudMapService
{
    private readonly Func<ServiceConnectServiceIdentity> lookUp;

    internal ServiceConnectCloudMapService(string discoveryName, IDiscoveryNamespace ns, string clientAlias, int? clientPort, Func<ServiceConnectServiceIdentity> lookUp)
    {
        this.lookUp = lookUp;
        DiscoveryName = discoveryName;
        Namespace = ns;
        ClientAlias = clientAlias;
        ClientPort = clientPort;
    }

    /// <summary>The Cloud Map service name ECS gives the service (the endpoint's effective discovery name).</summary>
    public string DiscoveryName { get; }

    /// <summary>The namespace the service is created in.</summary>
    public IDiscoveryNamespace Namespace { get; }

    /// <summary>The namespace name, as DiscoverInstances takes it.</summary>
    public string NamespaceName => Namespace.NamespaceName;

    /// <summary>The namespace ARN.</summary>
    public string NamespaceArn => Namespace.NamespaceArn;

    /// <summary>The DNS name Service Connect clients use (the endpoint's one client alias).</summary>
    public string ClientAlias { get; }

    /// <summary>The client alias port; null when the port mapping is unknown at synth.</summary>
    public int? ClientPort { get; }

    /// <summary>
    /// Reads the service's ARN and id at deploy: a custom resource (<c>Custom::EcsDiscoveryServiceConnectLookup</c>)
    /// that runs after the ECS service and asks ECS DescribeServices for the Service Connect resource with this
    /// discovery name (the PRIMARY deployment first). Its one Node.js function per stack can describe only the ECS
    /// services looked up and write only its own log group; a name ECS does not report fails the deployment with the
    /// reason. Calling this again returns the same tokens.
    /// </summary>
    public ServiceConnectServiceIdentity LookUpAtDeploy() => lookUp();

    /// <summary>
    /// Lets <paramref name="grantee"/> discover this service's instances through the Cloud Map API
    /// (<c>DiscoverInstances</c>, <c>DiscoverInstancesRevision</c>), and no other service: the actions have no resource
    /// type, so the statement is scoped by the namespace-name and service-name condition keys.
    /// </summary>
    public Grant GrantDiscoverInstances(IGrantable grantee) => CloudMap.DiscoverGrant.To(grantee, NamespaceName, DiscoveryName);
}
