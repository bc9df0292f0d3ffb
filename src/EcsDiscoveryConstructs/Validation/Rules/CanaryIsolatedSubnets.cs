namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Isolated subnets reach the Cloud Map API only through interface endpoints.</summary>
internal sealed class CanaryIsolatedSubnets : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-isolated-subnets",
        RuleLevel.Warning,
        "A DiscoveryCanary in isolated subnets needs servicediscovery and data-servicediscovery interface endpoints in the VPC.",
        "Without a NAT route or those endpoints every run fails to reach Cloud Map and the alarm goes off (a run that does not report counts as failing).") { Reference = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html" };

    public IEnumerable<Violation> Check(CanarySpec subject)
    {
        if (subject.SubnetIds is { Length: > 0 } ids && ids.All(subject.IsolatedSubnetIds.Contains))
        {
            yield return new Violation("VpcSubnets", "selects isolated subnets only", "Add interface endpoints for com.amazonaws.<region>.servicediscovery and data-servicediscovery to the VPC, or use private subnets with egress.");
        }
    }
}
