using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>The network every example runs in: two AZs, one NAT gateway, VPC flow logs, a cluster with Container Insights.</summary>
public sealed class ExampleNetwork : Construct
{
    public ExampleNetwork(Construct scope, string id, ExecuteCommandConfiguration? exec = null)
        : base(scope, id)
    {
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 1,
            FlowLogs = new Dictionary<string, IFlowLogOptions>
            {
                ["All"] = new FlowLogOptions { TrafficType = FlowLogTrafficType.ALL, Destination = FlowLogDestination.ToCloudWatchLogs() },
            },
        });
        Cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = Vpc, ContainerInsights = true, ExecuteCommandConfiguration = exec });
    }

    public Vpc Vpc { get; }

    public Cluster Cluster { get; }
}
