using Amazon.CDK;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// The safe way to publish a name: tasks stay private; only the load balancer is registered in the public DNS
/// namespace, as an alias instance of a WEIGHTED A-record service (<c>api.api.example.com</c>). Deploying needs the
/// domain delegated to the namespace's hosted zone.
/// </summary>
public sealed class PublicApiStack : Stack
{
    public PublicApiStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        var api = new DiscoverableFargateService(this, "Api", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "api",
            Container = Images.Web(),
            DesiredCount = 2,
        });

        var alb = new ApplicationLoadBalancer(this, "Alb", new ApplicationLoadBalancerProps { Vpc = network.Vpc, InternetFacing = true });
        var listener = alb.AddListener("Http", new BaseApplicationListenerProps { Port = 80, Open = true });
        listener.AddTargets("Api", new AddApplicationTargetsProps
        {
            Port = 80,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [api.Service],
            HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck { Path = "/health" },
        });

        var ns = new PublicDnsDiscoveryNamespace(this, "Public", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Seconds(60) });
        var publicName = new DiscoveryService(this, "PublicName", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "api",
            LoadBalancer = true,
            DnsTtl = Duration.Seconds(60),
        });
        publicName.RegisterLoadBalancer("Alb", alb);

        Nag.Acknowledge(alb.Node.FindChild("SecurityGroup"), "AwsSolutions-EC23", "A public API: the load balancer's listener is open to the internet on port 80; the tasks accept traffic only from the load balancer.");
        Nag.Acknowledge(alb, "AwsSolutions-ELB2", "Access logs need a concrete region in CDK 2.160 (the bucket policy names the region's ELB account), and this example is environment-agnostic; deploy with an env and call alb.LogAccessLogs(bucket).");
        _ = new CfnOutput(this, "PublicDnsName", new CfnOutputProps { Value = publicName.DnsName! });
        _ = new CfnOutput(this, "NameServersZone", new CfnOutputProps { Value = ns.HostedZoneId });
    }
}
