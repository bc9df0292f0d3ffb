using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>Props of <see cref="DiscoveryCanary"/>.</summary>
public sealed class DiscoveryCanaryProps
{
    /// <summary>The VPC the function runs in: inside it, the private namespaces' names resolve.</summary>
    public required IVpc Vpc { get; init; }

    /// <summary>
    /// The subnets of the function. They need a route to the Cloud Map API: private subnets with egress (NAT), or
    /// subnets of a VPC with <c>servicediscovery</c> and <c>data-servicediscovery</c> interface endpoints; and to the ECS
    /// API (an <c>ecs</c> endpoint) for deployment-aware checks and causes, without which a run goes on without ECS.
    /// </summary>
    /// <value>Default: the VPC's private subnets with egress.</value>
    public SubnetSelection? VpcSubnets { get; init; }

    /// <summary>
    /// What to check: the namespaces, Cloud Map services and ECS services declared under this construct (a stack, or a
    /// construct in the canary's stack), with the namespaces its services use.
    /// </summary>
    /// <value>Default: the canary's stack.</value>
    public IConstruct? Scope { get; init; }

    /// <summary>How often the checks run: whole minutes from 1 to 1440.</summary>
    /// <value>Default: 5 minutes.</value>
    public Duration? Schedule { get; init; }

    /// <summary>Consecutive runs the alarm looks at.</summary>
    /// <value>Default: 2 (a single run during a deployment's rollover does not page anyone).</value>
    public int AlarmEvaluationPeriods { get; init; } = 2;

    /// <summary>Of those runs, how many must fail (or not report) for the alarm to go off.</summary>
    /// <value>Default: <see cref="AlarmEvaluationPeriods"/>.</value>
    public int? AlarmDatapointsToAlarm { get; init; }

    /// <summary>A topic that is told when the alarm goes off and when it clears.</summary>
    /// <value>Default: none.</value>
    public ITopic? AlarmTopic { get; init; }

    /// <summary>Whether each run also checks the DNS answers clients in the VPC get.</summary>
    /// <value>Default: true.</value>
    public bool DnsChecks { get; init; } = true;

    /// <summary>The DNS server to ask, <c>ip</c> or <c>ip:port</c> (<c>[v6]:port</c>).</summary>
    /// <value>Default: the VPC's resolver (what the function's system resolver asks).</value>
    public string? DnsResolver { get; init; }

    /// <summary>How long the function's logs (the metrics and reports) are kept.</summary>
    /// <value>Default: one year.</value>
    public RetentionDays? LogRetention { get; init; }

    /// <summary>The KMS key the log group is encrypted with; its policy must let CloudWatch Logs use it for the group.</summary>
    /// <value>Default: a new key with rotation on, usable by CloudWatch Logs for this log group only.</value>
    public IKey? EncryptionKey { get; init; }

    /// <summary>The longest one run may take: whole seconds from 1 to 900, shorter than <see cref="Schedule"/>.</summary>
    /// <value>Default: 60 seconds, or 50 seconds with a 1-minute <see cref="Schedule"/> (a run must end before the next starts).</value>
    public Duration? Timeout { get; init; }

    /// <summary>The function's memory in MB, 128 to 10240.</summary>
    /// <value>Default: 256.</value>
    public int MemorySize { get; init; } = 256;
}
