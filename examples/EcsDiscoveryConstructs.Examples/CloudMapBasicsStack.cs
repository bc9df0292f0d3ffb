using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// Cloud Map on its own: a private DNS namespace with a short negative-cache TTL, an A+SRV service with custom
/// health, an API-only service in the same namespace, and an HTTP namespace for API discovery.
/// </summary>
public sealed class CloudMapBasicsStack : Stack
{
    public CloudMapBasicsStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "Tasks", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 }],
        });

        // README usage example: begin
        var ns = new PrivateDnsDiscoveryNamespace(this, "Internal", new PrivateDnsDiscoveryNamespaceProps
        {
            Name = "internal.example.com",
            Vpc = vpc,
            SoaTtl = Duration.Seconds(15), // cache "no such name" for 15 s only
        });

        var orders = new DiscoveryService(this, "Orders", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "orders",                                             // orders.internal.example.com
            DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, // address and port
            DnsTtl = Duration.Seconds(5),
            RoutingPolicy = RoutingPolicy.MULTIVALUE,
            CustomHealthCheck = new CustomHealthCheckOptions(),          // ECS reports task health
        });
        // README usage example: end

        _ = new DiscoveryService(this, "Jobs", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "jobs",
            Discovery = DiscoveryType.API,
            Description = "Queue workers, found through DiscoverInstances rather than DNS",
            CustomHealthCheck = new CustomHealthCheckOptions(),
        });

        var api = new HttpDiscoveryNamespace(this, "ShopApi", new HttpDiscoveryNamespaceProps { Name = "shop-api" });
        _ = new DiscoveryService(this, "Payments", new DiscoveryServiceProps
        {
            Namespace = api,
            Name = "payments",
            CustomHealthCheck = new CustomHealthCheckOptions(),
        });

        _ = new CfnOutput(this, "OrdersDnsName", new CfnOutputProps { Value = orders.DnsName! });
        _ = new CfnOutput(this, "OrdersServiceArn", new CfnOutputProps { Value = orders.ServiceArn });
    }
}
