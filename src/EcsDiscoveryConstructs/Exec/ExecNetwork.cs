using Amazon.CDK.AWS.EC2;

namespace EcsDiscoveryConstructs.Exec;

/// <summary>Network helpers for ECS Exec from subnets without a route to the internet.</summary>
public static class ExecNetwork
{
    /// <summary>
    /// Adds the <c>ssmmessages</c> interface endpoint (private DNS on) that Exec sessions use when tasks have no route out.
    /// </summary>
    /// <param name="vpc">The tasks' VPC.</param>
    /// <param name="subnets">Where the endpoint's network interfaces go. Default: the VPC's private subnets (CDK's default).</param>
    public static InterfaceVpcEndpoint AddSsmMessagesEndpoint(IVpc vpc, SubnetSelection? subnets = null)
    {
        ArgumentNullException.ThrowIfNull(vpc);
        return vpc.AddInterfaceEndpoint("SsmMessagesEndpoint", new InterfaceVpcEndpointOptions
        {
            Service = InterfaceVpcEndpointAwsService.SSM_MESSAGES,
            PrivateDnsEnabled = true,
            Subnets = subnets,
        });
    }
}
