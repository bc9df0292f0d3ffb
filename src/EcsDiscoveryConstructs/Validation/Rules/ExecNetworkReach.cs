namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Every Exec-enabled service reaches ssmmessages: a route out, or an interface endpoint in the VPC.</summary>
internal sealed class ExecNetworkReach : IAppRule<VpcExecServices>
{
    public RuleInfo Info => new(
        "exec-network-path",
        RuleLevel.Error,
        "With Exec on, tasks have a route out (private subnets with egress, or public subnets with a public IP) or the VPC has an ssmmessages interface endpoint.",
        "Exec sessions travel over ssmmessages; without a path to it they fail with TargetNotConnectedException (exec-checker check 19).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html" };

    public IEnumerable<AppFinding> Check(VpcExecServices subject)
        => subject.HasSsmMessagesEndpoint ? [] : subject.WithoutRoute.Select(service => new AppFinding(
            $"DiscoverableFargateService '{service}'",
            new Violation(
                "Exec",
                $"is on, but its tasks' subnets have no route out (isolated subnets, or public subnets without AssignPublicIp) and VPC '{subject.VpcPath}' has no ssmmessages interface endpoint, so sessions could not connect",
                "Call ExecNetwork.AddSsmMessagesEndpoint(vpc), or run the tasks in subnets with egress.")));
}
