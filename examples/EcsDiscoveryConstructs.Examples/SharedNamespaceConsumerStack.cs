using Amazon.CDK;
using Amazon.CDK.AWS.VpcLattice;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// The application account of a two-account setup (docs/shared-namespaces.md): it imports the <c>platform</c>
/// namespace the producer account shared (by ARN, as Service Connect requires), runs <c>checkout</c> as a Service
/// Connect client of <c>payments</c> and a server of its own, registers it for Cloud Map API discovery with service
/// attributes, and puts its tasks in a VPC Lattice target group.
/// </summary>
public sealed class SharedNamespaceConsumerStack : Stack
{
    public SharedNamespaceConsumerStack(Construct scope, string id, string sharedNamespaceArn, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        var shared = HttpDiscoveryNamespace.FromAttributes(this, "Platform", new DiscoveryNamespaceAttributes
        {
            NamespaceArn = sharedNamespaceArn,
            NamespaceId = sharedNamespaceArn[(sharedNamespaceArn.LastIndexOf('/') + 1)..],
            NamespaceName = "platform",
        });

        var targets = new CfnTargetGroup(this, "CheckoutTargets", new CfnTargetGroupProps
        {
            Name = "checkout",
            Type = "IP",
            Config = new CfnTargetGroup.TargetGroupConfigProperty { Port = 80, Protocol = "HTTP", VpcIdentifier = network.Vpc.VpcId },
        });

        var checkout = new DiscoverableFargateService(this, "Checkout", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "checkout",
            Container = Images.Web(),
            DesiredCount = 2,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = shared,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "checkout", Port = 80 }],
            },
            CloudMap = new CloudMapRegistrationOptions
            {
                Namespace = shared,
                Name = "checkout-api",
                ServiceAttributes = new Dictionary<string, string> { ["team"] = "checkout", ["tier"] = "critical" },
            },
            VpcLattice = new VpcLatticeOptions { Targets = [new VpcLatticeTarget { TargetGroupArn = targets.AttrArn, PortName = "http" }] },
        });
        checkout.Service.Connections.AllowFrom(Amazon.CDK.AWS.EC2.Peer.Ipv4(network.Vpc.VpcCidrBlock), Amazon.CDK.AWS.EC2.Port.Tcp(80), "Service Connect peers and VPC Lattice in this VPC");
    }

    /// <summary>Two zones of the stack's Region, so synthesis needs no credentials for the zone lookup of an account-bound stack.</summary>
    public override string[] AvailabilityZones => [$"{Region}a", $"{Region}b"];
}
