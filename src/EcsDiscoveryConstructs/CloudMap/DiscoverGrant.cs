using Amazon.CDK.AWS.IAM;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// DiscoverInstances and DiscoverInstancesRevision on one Cloud Map service: the actions take no resource type of
/// their own, so the statement is on <c>*</c> under the <c>servicediscovery:NamespaceName</c> and
/// <c>servicediscovery:ServiceName</c> condition keys
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html).
/// </summary>
internal static class DiscoverGrant
{
    public static Grant To(IGrantable grantee, string namespaceName, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        return Grant.AddToPrincipal(new GrantOnPrincipalOptions
        {
            Grantee = grantee,
            Actions = ["servicediscovery:DiscoverInstances", "servicediscovery:DiscoverInstancesRevision"],
            ResourceArns = ["*"],
            Conditions = new Dictionary<string, IDictionary<string, object>>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["servicediscovery:NamespaceName"] = namespaceName,
                    ["servicediscovery:ServiceName"] = serviceName,
                },
            },
        });
    }
}
