using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// API-only discovery: <c>inventory</c> registers in an HTTP namespace (no DNS); <c>orders</c> finds it with
/// DiscoverInstances, through <c>INVENTORY_NAMESPACE</c> / <c>INVENTORY_SERVICE</c> and a grant scoped to them.
/// </summary>
public sealed class HttpApiDiscoveryStack : Stack
{
    public HttpApiDiscoveryStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        var ns = new HttpDiscoveryNamespace(this, "ShopApi", new HttpDiscoveryNamespaceProps
        {
            Name = "shop-api",
            Description = "Services found through the Cloud Map API only",
        });

        var inventory = new DiscoverableFargateService(this, "Inventory", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "inventory",
            Container = Images.Web(),
            DesiredCount = 2,
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns },
        });

        var orders = new DiscoverableFargateService(this, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "orders",
            Container = Images.Web(),
        });
        orders.ConnectTo(inventory);

        Acknowledge.EndpointVariables(orders);
        Nag.Acknowledge(orders.TaskDefinition.TaskRole.Node.TryFindChild("DefaultPolicy")!, "AwsSolutions-IAM5", "servicediscovery:DiscoverInstances has no resource-level permissions; the statement is narrowed with the servicediscovery:NamespaceName and ServiceName condition keys.");
        _ = new CfnOutput(this, "NamespaceName", new CfnOutputProps { Value = ns.NamespaceName });
    }
}
