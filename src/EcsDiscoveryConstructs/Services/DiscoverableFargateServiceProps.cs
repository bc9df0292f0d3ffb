using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;

namespace EcsDiscoveryConstructs.Services;

/// <summary>Props of <see cref="DiscoverableFargateService"/>.</summary>
public sealed class DiscoverableFargateServiceProps
{
    /// <summary>The cluster to run in; its VPC must be the VPC of any private DNS namespace the service uses.</summary>
    public required ICluster Cluster { get; init; }

    /// <summary>
    /// The ECS service name, and the default Cloud Map service name and Service Connect discovery name: 1-255 letters,
    /// digits, '-' or '_' (lowercase if it is also used for Service Connect).
    /// </summary>
    public required string Name { get; init; }

    /// <summary>
    /// The application container; give it named port mappings. Set this or <see cref="TaskDefinition"/>. Without a
    /// <c>Logging</c> driver it logs to a new CloudWatch log group kept for one month (stream prefix: <see cref="Name"/>).
    /// </summary>
    /// <value>Default: none.</value>
    public ContainerDefinitionOptions? Container { get; init; }

    /// <summary>An existing Fargate task definition with its containers. Set this or <see cref="Container"/>.</summary>
    /// <value>Default: a task definition created for <see cref="Container"/>.</value>
    public FargateTaskDefinition? TaskDefinition { get; init; }

    /// <summary>CPU units of a created task definition.</summary>
    /// <value>Default: 256.</value>
    public int Cpu { get; init; } = 256;

    /// <summary>Memory (MiB) of a created task definition.</summary>
    /// <value>Default: 512.</value>
    public int MemoryLimitMiB { get; init; } = 512;

    /// <summary>How many tasks to run; at most 1,000 when registered in Cloud Map.</summary>
    /// <value>Default: 1.</value>
    public int DesiredCount { get; init; } = 1;

    /// <summary>Autoscaling of the task count (calls <see cref="DiscoverableFargateService.AutoScale"/>).</summary>
    /// <value>Default: no autoscaling.</value>
    public TaskScalingOptions? Scaling { get; init; }

    /// <summary>The subnets tasks run in.</summary>
    /// <value>Default: the cluster VPC's private subnets (CDK's default).</value>
    public SubnetSelection? VpcSubnets { get; init; }

    /// <summary>Security groups of the tasks.</summary>
    /// <value>Default: a new security group.</value>
    public ISecurityGroup[]? SecurityGroups { get; init; }

    /// <summary>Whether tasks get a public IP.</summary>
    /// <value>Default: false.</value>
    public bool AssignPublicIp { get; init; }

    /// <summary>
    /// The fewest running tasks during a deployment, in percent of <see cref="DesiredCount"/> (0-100). Below 100 a
    /// DNS-discovered service with one task has no record while it is replaced (warning
    /// <c>ecs-discovery:deployment-discovery-gap</c>).
    /// </summary>
    /// <value>Default: 100.</value>
    public int MinHealthyPercent { get; init; } = 100;

    /// <summary>The most running and pending tasks during a deployment, in percent of <see cref="DesiredCount"/>; above <see cref="MinHealthyPercent"/> and at least 100.</summary>
    /// <value>Default: 200.</value>
    public int MaxHealthyPercent { get; init; } = 200;

    /// <summary>The deployment circuit breaker: stops a deployment whose tasks keep failing, and with <c>Rollback</c> returns to the last working one. Rolling deployments only.</summary>
    /// <value>Default: on, with rollback, for a rolling deployment; none for the other strategies (ECS rolls them back on a failed hook or alarm).</value>
    public DeploymentCircuitBreaker? CircuitBreaker { get; init; }

    /// <summary>
    /// How ECS deploys a new revision: <see cref="ServiceDeploymentStrategy.Rolling"/>, or
    /// <see cref="ServiceDeploymentStrategy.BlueGreen"/>, <see cref="ServiceDeploymentStrategy.Linear"/> and
    /// <see cref="ServiceDeploymentStrategy.Canary"/>, which run both revisions side by side and shift Service Connect
    /// traffic (test traffic by <see cref="ServiceConnect.ServiceConnectEndpoint.TestTrafficHeader"/>, then production).
    /// A service without Service Connect endpoints gets no managed shift (warning <c>ecs-discovery:deployment-traffic-path</c>);
    /// one that is DNS-discoverable too has DNS clients on both revisions during the bake (warning <c>ecs-discovery:deployment-dns-revisions</c>).
    /// </summary>
    /// <value>Default: rolling.</value>
    public ServiceDeploymentStrategy? DeploymentStrategy { get; init; }

    /// <summary>Lambda functions ECS runs at deployment stages (calls <see cref="DiscoverableFargateService.AddLifecycleHook"/> for each).</summary>
    /// <value>Default: none.</value>
    public LambdaLifecycleHook[]? LifecycleHooks { get; init; }

    /// <summary>VPC Lattice target groups ECS registers the tasks in, by port mapping name.</summary>
    /// <value>Default: none.</value>
    public VpcLatticeOptions? VpcLattice { get; init; }

    /// <summary>
    /// How tasks are spread over FARGATE and FARGATE_SPOT (the cluster needs <c>EnableFargateCapacityProviders</c>):
    /// weights 0-1,000 with at least one above 0, bases 0-100,000 on at most one provider.
    /// </summary>
    /// <value>Default: none (the FARGATE launch type).</value>
    public ICapacityProviderStrategy[]? CapacityProviderStrategies { get; init; }

    /// <summary>Whether the tasks get the service's or the task definition's tags.</summary>
    /// <value>Default: none (tasks are not tagged from either).</value>
    public PropagatedTagSource? PropagateTags { get; init; }

    /// <summary>How long ECS ignores failing load-balancer and container health checks after a task starts; whole seconds.</summary>
    /// <value>Default: ECS's (0 s, or 60 s with a load balancer).</value>
    public Amazon.CDK.Duration? HealthCheckGracePeriod { get; init; }

    /// <summary>The Fargate platform version.</summary>
    /// <value>Default: LATEST.</value>
    public FargatePlatformVersion? PlatformVersion { get; init; }

    /// <summary>Cloud Map registration through <c>serviceRegistries</c> (DNS or API discovery).</summary>
    /// <value>Default: none, or derived from <see cref="ServiceConnect"/> when <see cref="DualDiscovery"/> is on.</value>
    public CloudMapRegistrationOptions? CloudMap { get; init; }

    /// <summary>ECS Service Connect: server endpoints, or a client only.</summary>
    /// <value>Default: none.</value>
    public ServiceConnectOptions? ServiceConnect { get; init; }

    /// <summary>
    /// ECS Exec with least-privilege grants (scoped to the cluster's exec configuration, see <see cref="Exec.ExecAudit"/>)
    /// and readiness checks at synth (calls <see cref="DiscoverableFargateService.EnableExec"/>).
    /// </summary>
    /// <value>Default: Exec off.</value>
    public Exec.ExecOptions? Exec { get; init; }

    /// <summary>
    /// One switch for both kinds of clients: Service Connect for Service Connect clients and a DNS-discoverable Cloud Map
    /// service (A records, custom health) for Lambda, peered VPCs and others. The DNS service takes <see cref="Name"/>;
    /// the Service Connect discovery names get a <c>-sc</c> suffix, so the two never collide (aws-cdk #26524).
    /// Needs <see cref="ServiceConnect"/> with at least one endpoint, in a private DNS namespace unless
    /// <see cref="CloudMap"/> names one.
    /// </summary>
    /// <value>Default: false.</value>
    public bool DualDiscovery { get; init; }
}
