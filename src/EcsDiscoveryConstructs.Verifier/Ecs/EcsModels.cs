namespace EcsDiscoveryConstructs.Verifier.Ecs;

/// <summary>A resource a Describe call could not describe (<c>Failure</c>): its ARN or name, the reason (e.g. <c>MISSING</c>) and the detail.</summary>
internal sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

/// <summary>A batch of described resources and the ones ECS could not describe.</summary>
internal sealed record EcsDescribed<T>(IReadOnlyList<T> Items, IReadOnlyList<EcsFailure> Failures);

/// <summary>A cluster (<c>Cluster</c>): ARN, name and status (ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE).</summary>
internal sealed record EcsCluster(string Arn, string Name, string? Status)
{
    /// <summary>Its ECS Exec configuration (<c>configuration.executeCommandConfiguration</c>, read with <c>include: CONFIGURATIONS</c>), or null when it has none.</summary>
    public EcsExecConfiguration? ExecuteCommand { get; init; }
}

/// <summary>
/// A cluster's <c>ExecuteCommandConfiguration</c>: the KMS key that encrypts the session's data channel, the logging mode
/// (NONE, DEFAULT, OVERRIDE) and, with OVERRIDE, where session logs go.
/// </summary>
/// <param name="KmsKeyId">The key id or ARN, or null.</param>
/// <param name="Logging">NONE, DEFAULT or OVERRIDE; null means DEFAULT.</param>
/// <param name="LogGroupName">The CloudWatch Logs group of an OVERRIDE, or null.</param>
/// <param name="LogGroupEncryption">Whether the log group must be encrypted (<c>cloudWatchEncryptionEnabled</c>).</param>
/// <param name="S3BucketName">The S3 bucket of an OVERRIDE, or null.</param>
/// <param name="S3Encryption">Whether the bucket must be encrypted (<c>s3EncryptionEnabled</c>).</param>
internal sealed record EcsExecConfiguration(string? KmsKeyId, string? Logging, string? LogGroupName, bool LogGroupEncryption, string? S3BucketName, bool S3Encryption);

/// <summary>One <c>serviceRegistries</c> entry of a service: the Cloud Map service ARN and, for SRV records, the container and port.</summary>
internal sealed record EcsServiceRegistry(string? RegistryArn, string? ContainerName, int? ContainerPort, int? Port);

/// <summary>One entry of a service's <c>deployments</c>: PRIMARY, ACTIVE or INACTIVE, with its rollout state (COMPLETED, FAILED, IN_PROGRESS).</summary>
internal sealed record EcsDeployment(string? Id, string? Status, string? RolloutState, string? RolloutStateReason, string? TaskDefinition, int DesiredCount, int RunningCount, int PendingCount, int FailedTasks, DateTimeOffset? CreatedAt);

/// <summary>One of a service's recent <c>events</c>.</summary>
internal sealed record EcsServiceEvent(DateTimeOffset? CreatedAt, string Message);

/// <summary>
/// A service as DescribeServices returns it: what the checks compare with the template and use to explain a failure.
/// </summary>
internal sealed record EcsService(string Arn, string Name, string? ClusterArn, string? Status, int DesiredCount, int RunningCount, int PendingCount, string? TaskDefinition)
{
    /// <summary>The deployment configuration's minimumHealthyPercent, when the answer gives it.</summary>
    public int? MinimumHealthyPercent { get; init; }

    /// <summary>The deployment configuration's maximumPercent, when the answer gives it.</summary>
    public int? MaximumPercent { get; init; }

    /// <summary>The deployment configuration's strategy (ROLLING, BLUE_GREEN, LINEAR, CANARY), when the answer gives it.</summary>
    public string? Strategy { get; init; }

    /// <summary>The deployment configuration's bakeTimeInMinutes, when the answer gives it.</summary>
    public int? BakeTimeInMinutes { get; init; }

    /// <summary>The service's registries.</summary>
    public IReadOnlyList<EcsServiceRegistry> ServiceRegistries { get; init; } = [];

    /// <summary>The deployments, the PRIMARY one first as ECS lists them.</summary>
    public IReadOnlyList<EcsDeployment> Deployments { get; init; } = [];

    /// <summary>The most recent events (ECS keeps the last 100).</summary>
    public IReadOnlyList<EcsServiceEvent> Events { get; init; } = [];

    /// <summary>Whether ECS Exec is turned on for new tasks.</summary>
    public bool EnableExecuteCommand { get; init; }

    /// <summary>The Service Connect namespace the PRIMARY deployment uses, when it has Service Connect on.</summary>
    public string? ServiceConnectNamespace { get; init; }

    /// <summary>The deployment controller type: ECS (rolling, or the native blue/green strategies), CODE_DEPLOY or EXTERNAL.</summary>
    public string? DeploymentController { get; init; }
}

/// <summary>An agent ECS runs in a container (<c>ManagedAgent</c>), e.g. <c>ExecuteCommandAgent</c>, and its status.</summary>
internal sealed record EcsManagedAgent(string? Name, string? LastStatus, string? Reason);

/// <summary>A container of a task: its status, why it stopped and its exit code, and its managed agents.</summary>
internal sealed record EcsContainer(string? Name, string? LastStatus, string? Reason, int? ExitCode, IReadOnlyList<EcsManagedAgent> ManagedAgents);

/// <summary>A task as DescribeTasks returns it.</summary>
internal sealed record EcsTask(string Arn, string? TaskDefinitionArn, string? LastStatus, string? DesiredStatus)
{
    /// <summary>Why the task stopped (<c>stoppedReason</c>), e.g. "Essential container in task exited".</summary>
    public string? StoppedReason { get; init; }

    /// <summary>The stop code, e.g. <c>TaskFailedToStart</c>, <c>EssentialContainerExited</c>.</summary>
    public string? StopCode { get; init; }

    /// <summary>Who started it: <c>ecs-svc/...</c> for a service's deployment.</summary>
    public string? StartedBy { get; init; }

    /// <summary>The private IPv4 address of its network interface (awsvpc), when attached.</summary>
    public string? PrivateIpv4Address { get; init; }

    /// <summary>The Fargate platform version, e.g. <c>1.4.0</c>.</summary>
    public string? PlatformVersion { get; init; }

    /// <summary>Whether ECS Exec is on for the task.</summary>
    public bool EnableExecuteCommand { get; init; }

    /// <summary>Its containers.</summary>
    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];

    /// <summary>When it stopped.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>FARGATE, EC2 or EXTERNAL (null for a capacity provider strategy that did not say).</summary>
    public string? LaunchType { get; init; }

    /// <summary>The subnet of its network interface (awsvpc), when attached.</summary>
    public string? SubnetId { get; init; }
}

/// <summary>A container definition's name and the names and ports of its port mappings.</summary>
internal sealed record EcsContainerDefinition(string? Name, IReadOnlyList<(string? Name, int? ContainerPort)> PortMappings);

/// <summary>A task definition as DescribeTaskDefinition returns it.</summary>
internal sealed record EcsTaskDefinition(string Arn, string? Family, int? Revision, string? NetworkMode, IReadOnlyList<EcsContainerDefinition> Containers)
{
    /// <summary>The task role (what the containers, and the ECS Exec agent, act as), or null.</summary>
    public string? TaskRoleArn { get; init; }
}

/// <summary>A service deployment (<c>ServiceDeployment</c>/<c>ServiceDeploymentBrief</c>): its status and why.</summary>
/// <param name="Arn">The service deployment ARN.</param>
/// <param name="Status">PENDING, SUCCESSFUL, STOPPED, STOP_REQUESTED, IN_PROGRESS, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED.</param>
/// <param name="StatusReason">Why it is in that status.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="FinishedAt">When it finished, if it has.</param>
internal sealed record EcsServiceDeployment(string Arn, string? Status, string? StatusReason, DateTimeOffset? CreatedAt, DateTimeOffset? FinishedAt);
