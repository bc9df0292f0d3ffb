using Amazon.CDK;
using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>EC2 capacity for a cluster in tests: one t3.micro (as aws-cdk's EC2 integ peer) behind a capacity provider.</summary>
internal static class Ec2Capacity
{
    /// <summary>
    /// Adds the capacity with ECS managed draining: CDK 2.160's <c>AddCapacity</c> adds a drain-hook function on
    /// python3.9, which Lambda no longer creates (cfn-lint E2533).
    /// </summary>
    public static void Add(Stack stack, Cluster cluster, IVpc vpc)
    {
        var instances = new AutoScalingGroup(stack, "Capacity", new AutoScalingGroupProps
        {
            Vpc = vpc,
            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.T3, InstanceSize.MICRO),
            MachineImage = EcsOptimizedImage.AmazonLinux2(),
            DesiredCapacity = 1,
            MinCapacity = 1,
            MaxCapacity = 1,
        });
        cluster.AddAsgCapacityProvider(new AsgCapacityProvider(stack, "CapacityProvider", new AsgCapacityProviderProps
        {
            AutoScalingGroup = instances,
            EnableManagedTerminationProtection = false,
            EnableManagedDraining = true,
        }));
    }
}
