namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The canary checks its own stack and runs in subnets from which the Cloud Map API can be reached.</summary>
internal sealed class CanaryPlacement : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-placement",
        RuleLevel.Error,
        "DiscoveryCanary Scope is in the canary's stack; VpcSubnets selects subnets of Vpc that exist and are not public.",
        "The model's ids come from the stack's own resources (another stack's would need exports); a Lambda function in a public subnet gets no public IP and cannot reach the Cloud Map API.") { Reference = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html" };

    public IEnumerable<Violation> Check(CanarySpec subject)
    {
        if (subject.CheckedStack != subject.Stack)
        {
            yield return new Violation($"Scope '{subject.CheckedScope.Node.Path}'", $"is in stack '{subject.CheckedStack.StackName}', not in the canary's stack '{subject.Stack.StackName}'", "Create the canary in the stack it checks.");
        }

        if (subject.SubnetProblem is { } problem)
        {
            yield return new Violation("VpcSubnets", $"selects no subnets in the VPC ({problem.Split('\n')[0].Trim()})", "Give the VPC private subnets with egress, or select the subnets the canary runs in.");
        }
        else if (subject.VpcSubnetIds.Count > 0 && subject.SubnetIds!.FirstOrDefault(id => !subject.VpcSubnetIds.Contains(id)) is { } foreign)
        {
            yield return new Violation($"VpcSubnets (subnet '{foreign}')", "selects a subnet that is not in the canary's Vpc: Lambda refuses subnets of another VPC than the security group's", "Select subnets of Vpc, or give the canary the VPC those subnets are in.");
        }
        else if (subject.SubnetIds!.Any(subject.PublicSubnetIds.Contains))
        {
            yield return new Violation("VpcSubnets", "selects public subnets, where a Lambda function gets no public IP and cannot reach the Cloud Map API", "Select private subnets with egress (the default), or isolated subnets with Cloud Map interface endpoints.");
        }
    }
}
