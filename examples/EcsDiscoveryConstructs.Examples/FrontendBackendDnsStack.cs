using Amazon.CDK;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// DNS discovery: <c>backend</c> registers A records with custom health in a private DNS namespace; <c>frontend</c>
/// gets <c>BACKEND_ENDPOINT=backend.apps.example.com:80</c> and a security-group rule to reach it.
/// </summary>
public sealed class FrontendBackendDnsStack : Stack
{
    public FrontendBackendDnsStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        var (vpc, cluster) = (network.Vpc, network.Cluster);

        // README usage example: begin
        var ns = new PrivateDnsDiscoveryNamespace(this, "Internal", new PrivateDnsDiscoveryNamespaceProps
        {
            Name = "apps.example.com",
            Vpc = vpc,
            SoaTtl = Duration.Seconds(15), // cache "no such name" for 15 s only
        });

        var backend = new DiscoverableFargateService(this, "Backend", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "backend",
            Container = Images.Web(), // nginx with a port mapping named "http" on 80
            DesiredCount = 2,
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns }, // A records, 10 s TTL, custom health
        });

        var frontend = new DiscoverableFargateService(this, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "frontend",
            Container = Images.Web(),
        });

        // BACKEND_HOST, BACKEND_PORT, BACKEND_ENDPOINT in frontend; backend's security group opens port 80 to it.
        frontend.ConnectTo(backend);
        // README usage example: end

        Acknowledge.EndpointVariables(frontend);
        _ = new CfnOutput(this, "BackendDnsName", new CfnOutputProps { Value = backend.DnsName! });
    }
}
