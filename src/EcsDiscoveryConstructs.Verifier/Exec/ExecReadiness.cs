using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Ecs;

namespace EcsDiscoveryConstructs.Verifier.Exec;

/// <summary>Every check <c>exec-check</c> makes, in order; docs/verifier-checks.md lists them after verify's.</summary>
internal static class ExecCheckCatalog
{
    /// <summary>The cluster exists, and its exec configuration is complete.</summary>
    public static CheckInfo ClusterConfiguration { get; } = new("exec-cluster-config", CheckLevel.Fail, "The cluster exists and is ACTIVE; an OVERRIDE logging configuration names a CloudWatch Logs group or an S3 bucket.", "ECS DescribeClusters (include CONFIGURATIONS)");

    /// <summary>The session key exists and is enabled.</summary>
    public static CheckInfo KmsKey { get; } = new("exec-kms-key", CheckLevel.Fail, "The KMS key of the cluster's exec configuration exists and is Enabled, and the task role may kms:Decrypt with it.", "KMS DescribeKey, IAM SimulatePrincipalPolicy");

    /// <summary>The session log group exists, encrypted when asked.</summary>
    public static CheckInfo LogDestination { get; } = new("exec-log-destination", CheckLevel.Fail, "The CloudWatch Logs group of an OVERRIDE exists, with a KMS key when cloudWatchEncryptionEnabled, and the task role may write to it; an S3 bucket exists (HeadBucket).", "CloudWatch Logs DescribeLogGroups, S3 HeadBucket, IAM SimulatePrincipalPolicy");

    /// <summary>Exec is on for the task.</summary>
    public static CheckInfo TaskEnabled { get; } = new("exec-task-enabled", CheckLevel.Fail, "Every task was started with enableExecuteCommand (a service's tasks get it from the service; set it and force a new deployment).", "ECS DescribeTasks");

    /// <summary>The exec agent runs in every container.</summary>
    public static CheckInfo Agent { get; } = new("exec-agent", CheckLevel.Fail, "The ExecuteCommandAgent of every container is RUNNING (the container and the agent's status and reason are named otherwise).", "ECS DescribeTasks containers[].managedAgents");

    /// <summary>Fargate platform version 1.4.0 or later.</summary>
    public static CheckInfo PlatformVersion { get; } = new("exec-platform-version", CheckLevel.Fail, "A Fargate task runs platform version 1.4.0 or later (Linux), which ECS Exec needs.", "ECS DescribeTasks platformVersion");

    /// <summary>The task's subnet reaches Session Manager.</summary>
    public static CheckInfo Network { get; } = new("exec-network", CheckLevel.Fail, "Each task's subnet reaches Session Manager: a default route (NAT, internet or transit gateway), or else available VPC endpoints for ssmmessages, and kms, logs and s3 when the exec configuration uses them.", "EC2 DescribeSubnets, DescribeRouteTables, DescribeVpcEndpoints");

    /// <summary>The task role may open Session Manager channels.</summary>
    public static CheckInfo TaskRole { get; } = new("exec-task-role", CheckLevel.Fail, "The task definition has a task role and its policies allow ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel.", "ECS DescribeTaskDefinition, IAM SimulatePrincipalPolicy");

    /// <summary>The operator role may exec into each container.</summary>
    public static CheckInfo OperatorRole { get; } = new("exec-operator-role", CheckLevel.Fail, "With --operator-role: the role's policies allow ecs:ExecuteCommand on each task for each of its containers (their conditions on ecs:container-name and ecs:cluster evaluated), and kms:GenerateDataKey on the exec key.", "IAM SimulatePrincipalPolicy");

    /// <summary>Every exec check, in order.</summary>
    public static IReadOnlyList<CheckInfo> All { get; } = [ClusterConfiguration, KmsKey, LogDestination, TaskEnabled, Agent, PlatformVersion, Network, TaskRole, OperatorRole];
}

/// <summary>
/// Live ECS Exec readiness of a service's running tasks or of one task: what amazon-ecs-exec-checker checks that an API
/// can answer (the cluster's exec configuration, its KMS key and log group, each task's enableExecuteCommand, each
/// container's ExecuteCommandAgent, the Fargate platform version, each subnet's route or VPC endpoints to Session
/// Manager, the task role's Session Manager permissions) and the log group's encryption. Reading ECS is required (its failures are thrown); a KMS, Logs or IAM read that fails
/// (e.g. no permission) skips its check with the reason.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html (prerequisites: platform version 1.4.0,
/// the ssmmessages actions on the task role, kms:Decrypt for a customer key, the log destinations);
/// https://github.com/aws-containers/amazon-ecs-exec-checker (the checks of the reference script).
/// </remarks>
internal sealed class ExecReadiness(IEcsReader ecs, IExecAccountReader account)
{
    /// <summary>The Session Manager actions the task role needs.</summary>
    public static readonly IReadOnlyList<string> SessionActions = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"];

    /// <summary>The CloudWatch Logs actions the task role needs to write session logs.</summary>
    public static readonly IReadOnlyList<string> LogActions = ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"];

    /// <summary>
    /// Checks the tasks of <paramref name="service"/> (RUNNING ones) or <paramref name="task"/> in <paramref name="cluster"/>.
    /// Throws <see cref="EcsException"/> when ECS cannot be read.
    /// </summary>
    public async Task<VerificationReport> CheckAsync(string cluster, string? service, string? task, CancellationToken cancellationToken, string? operatorRole = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(cluster);
        if ((service is null) == (task is null))
        {
            throw new ArgumentException("exactly one of service and task");
        }

        var results = new List<CheckResult>();
        CheckResult Result(CheckInfo info, string target, CheckStatus status, string message, string expected = "", string actual = "")
            => new(cluster, info.Id, target, status, message) { Expected = expected, Actual = actual };

        var described = await ecs.DescribeClustersAsync([cluster], cancellationToken).ConfigureAwait(false);
        var found = described.Items.FirstOrDefault();
        if (found is null || found.Status != "ACTIVE")
        {
            results.Add(Result(ExecCheckCatalog.ClusterConfiguration, cluster, CheckStatus.Fail, found is null ? $"cluster '{cluster}' does not exist ({described.Failures.FirstOrDefault()?.Reason ?? "MISSING"})" : $"cluster '{cluster}' is {found.Status ?? "without a status"}", "ACTIVE", found?.Status ?? Checks.Registry.Words.Missing));
            return new VerificationReport(results);
        }

        var exec = found.ExecuteCommand;
        results.Add(ClusterConfiguration(cluster, exec, Result));

        var taskArns = task is not null ? [task] : await ecs.ListTasksAsync(cluster, service, "RUNNING", int.MaxValue, cancellationToken).ConfigureAwait(false);
        var tasks = taskArns.Count == 0 ? [] : (await ecs.DescribeTasksAsync(cluster, taskArns, cancellationToken).ConfigureAwait(false)).Items.ToList();
        var subject = service is not null ? $"service {service}" : $"task {task}";
        if (tasks.Count == 0)
        {
            results.Add(Result(ExecCheckCatalog.TaskEnabled, subject, CheckStatus.Fail, service is not null ? $"service '{service}' runs no task to exec into" : $"task '{task}' does not exist in cluster '{cluster}'", "a RUNNING task", Checks.Registry.Words.None));
            return new VerificationReport(results);
        }

        foreach (var t in tasks)
        {
            var id = t.Arn[(t.Arn.LastIndexOf('/') + 1)..];
            results.Add(t.EnableExecuteCommand
                ? Result(ExecCheckCatalog.TaskEnabled, id, CheckStatus.Pass, "enableExecuteCommand is on", "true", "true")
                : Result(ExecCheckCatalog.TaskEnabled, id, CheckStatus.Fail, $"task {id} was started without enableExecuteCommand{(service is null ? string.Empty : $": turn it on for service '{service}' and force a new deployment")}", "true", "false"));
            results.AddRange(t.Containers.Select(c => Agent(id, t, c, Result)));
            results.Add(Platform(id, t, Result));
        }

        // The network path, once per subnet: the agent opens its channels to ssmmessages (and kms, logs) from there.
        var region = found.Arn.Split(':') is { Length: > 3 } arn ? arn[3] : string.Empty;
        foreach (var subnet in tasks.Select(t => t.SubnetId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            results.Add(await NetworkAsync(subnet, region, exec, Result, cancellationToken).ConfigureAwait(false));
        }

        // The task role, once per task definition: what the agent acts as.
        var roles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var definition in tasks.Select(t => t.TaskDefinitionArn).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            roles[definition] = (await ecs.DescribeTaskDefinitionAsync(definition, cancellationToken).ConfigureAwait(false)).TaskRoleArn;
        }

        foreach (var (definition, role) in roles)
        {
            results.Add(await TaskRoleAsync(definition, role, Result, cancellationToken).ConfigureAwait(false));
        }

        var anyRole = roles.Values.OfType<string>().FirstOrDefault();
        if (exec?.KmsKeyId is { } key)
        {
            results.Add(await KmsAsync(cluster, key, anyRole, Result, cancellationToken).ConfigureAwait(false));
        }

        if (exec?.Logging == "OVERRIDE")
        {
            results.Add(await LogsAsync(cluster, exec, anyRole, Result, cancellationToken).ConfigureAwait(false));
        }

        if (operatorRole is not null)
        {
            results.Add(await OperatorAsync(operatorRole, found, tasks, exec, Result, cancellationToken).ConfigureAwait(false));
        }

        return new VerificationReport(results);
    }

    private delegate CheckResult Make(CheckInfo info, string target, CheckStatus status, string message, string expected = "", string actual = "");

    private static CheckResult ClusterConfiguration(string cluster, EcsExecConfiguration? exec, Make result)
    {
        var logging = exec?.Logging ?? "DEFAULT";
        return logging == "OVERRIDE" && exec!.LogGroupName is null && exec.S3BucketName is null
            ? result(ExecCheckCatalog.ClusterConfiguration, cluster, CheckStatus.Fail, "exec logging is OVERRIDE without a CloudWatch Logs group or S3 bucket: name one, or use DEFAULT", "a destination", Checks.Registry.Words.None)
            : result(ExecCheckCatalog.ClusterConfiguration, cluster, CheckStatus.Pass, $"cluster ACTIVE, exec logging {logging}{(exec?.KmsKeyId is null ? string.Empty : $", KMS key {exec.KmsKeyId}")}", "ACTIVE", "ACTIVE");
    }

    private static CheckResult Agent(string id, EcsTask task, EcsContainer container, Make result)
    {
        var target = $"{id}/{container.Name ?? "?"}";
        var agent = container.ManagedAgents.FirstOrDefault(a => a.Name == "ExecuteCommandAgent");
        if (agent?.LastStatus == "RUNNING")
        {
            return result(ExecCheckCatalog.Agent, target, CheckStatus.Pass, $"container {container.Name}: ExecuteCommandAgent RUNNING", "RUNNING", "RUNNING");
        }

        var status = agent is null ? "no ExecuteCommandAgent" : $"ExecuteCommandAgent {agent.LastStatus ?? "without a status"}{(string.IsNullOrWhiteSpace(agent.Reason) ? string.Empty : $" ({Redaction.Redactor.Shown(agent.Reason)})")}";
        var hint = !task.EnableExecuteCommand ? "the task has Exec off" : "the agent needs the task role's ssmmessages permissions and a route to the ssmmessages endpoint";
        return result(ExecCheckCatalog.Agent, target, CheckStatus.Fail, $"container {container.Name ?? "?"} of task {id}: {status}; {hint}", "RUNNING", agent?.LastStatus ?? Checks.Registry.Words.Missing);
    }

    private static CheckResult Platform(string id, EcsTask task, Make result)
    {
        if (task.LaunchType != "FARGATE")
        {
            return result(ExecCheckCatalog.PlatformVersion, id, CheckStatus.Skip, $"launch type {task.LaunchType ?? "unknown"}: no Fargate platform version to check");
        }

        var version = task.PlatformVersion;
        var ok = version is not null && Version.TryParse(version, out var parsed) && parsed >= new Version(1, 4, 0);
        return result(ExecCheckCatalog.PlatformVersion, id, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? $"Fargate platform {version}" : $"task {id} runs Fargate platform {version ?? "unknown"}; ECS Exec needs 1.4.0 or later (LATEST)", "1.4.0 or later", version ?? "unknown");
    }

    private async Task<CheckResult> NetworkAsync(string subnet, string region, EcsExecConfiguration? exec, Make result, CancellationToken cancellationToken)
    {
        try
        {
            var route = await account.DescribeSubnetRouteAsync(subnet, cancellationToken).ConfigureAwait(false);
            if (route.DefaultRouteTarget is { } target)
            {
                var through = target.StartsWith("igw-", StringComparison.Ordinal) ? $"{target} (the task needs a public IP)" : target;
                return result(ExecCheckCatalog.Network, subnet, CheckStatus.Pass, $"subnet {subnet} reaches the internet through {through}", "a route", target);
            }

            var needed = new List<string> { "ssmmessages" };
            if (exec?.KmsKeyId is not null)
            {
                needed.Add("kms");
            }

            if (exec?.Logging == "OVERRIDE" && exec.LogGroupName is not null)
            {
                needed.Add("logs");
            }

            if (exec?.Logging == "OVERRIDE" && exec.S3BucketName is not null)
            {
                needed.Add("s3");
            }

            var missing = new List<string>();
            foreach (var service in needed)
            {
                if ((await account.AvailableVpcEndpointsAsync(route.VpcId, $"com.amazonaws.{region}.{service}", cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    missing.Add(service);
                }
            }

            return missing.Count == 0
                ? result(ExecCheckCatalog.Network, subnet, CheckStatus.Pass, $"subnet {subnet} has no default route; VPC {route.VpcId} has endpoints for {string.Join(", ", needed)}", string.Join(", ", needed), string.Join(", ", needed))
                : result(ExecCheckCatalog.Network, subnet, CheckStatus.Fail, $"subnet {subnet} has no default route and VPC {route.VpcId} has no available endpoint for {string.Join(", ", missing)}: the ExecuteCommandAgent cannot reach Session Manager; add a NAT route or interface endpoints", string.Join(", ", needed), $"missing {string.Join(", ", missing)}");
        }
        catch (AccountReadException e)
        {
            return result(ExecCheckCatalog.Network, subnet, CheckStatus.Skip, $"the route of subnet {subnet} cannot be read: {Redaction.Redactor.Shown(e.Message)}");
        }
    }

    /// <summary>What the operator role may do: ExecuteCommand on each task for each container (the keys the library's operator role conditions on), and use the exec key.</summary>
    private async Task<CheckResult> OperatorAsync(string role, EcsCluster cluster, List<EcsTask> tasks, EcsExecConfiguration? exec, Make result, CancellationToken cancellationToken)
    {
        var denied = new List<string>();
        try
        {
            foreach (var task in tasks)
            {
                foreach (var container in task.Containers.Select(c => c.Name).OfType<string>())
                {
                    var context = new Dictionary<string, string>(StringComparer.Ordinal) { ["ecs:cluster"] = cluster.Arn, ["ecs:container-name"] = container };
                    var decision = (await account.SimulatePrincipalPolicyAsync(role, ["ecs:ExecuteCommand"], task.Arn, cancellationToken, context).ConfigureAwait(false)).FirstOrDefault()?.Decision;
                    if (decision != "allowed")
                    {
                        denied.Add($"ecs:ExecuteCommand into container {container} of task {task.Arn[(task.Arn.LastIndexOf('/') + 1)..]} ({decision ?? "not evaluated"})");
                    }
                }
            }

            if (exec?.KmsKeyId is { } key)
            {
                var decision = (await account.SimulatePrincipalPolicyAsync(role, ["kms:GenerateDataKey"], key.StartsWith("arn:", StringComparison.Ordinal) ? key : null, cancellationToken).ConfigureAwait(false)).FirstOrDefault()?.Decision;
                if (decision != "allowed")
                {
                    denied.Add($"kms:GenerateDataKey on {key} ({decision ?? "not evaluated"})");
                }
            }
        }
        catch (AccountReadException e)
        {
            return result(ExecCheckCatalog.OperatorRole, role, CheckStatus.Skip, $"what {role} may do cannot be read: {Redaction.Redactor.Shown(e.Message)}");
        }

        return denied.Count == 0
            ? result(ExecCheckCatalog.OperatorRole, role, CheckStatus.Pass, $"{role} may exec into every container of the {tasks.Count} tasks", "allowed", "allowed")
            : result(ExecCheckCatalog.OperatorRole, role, CheckStatus.Fail, $"{role} may not: {string.Join("; ", denied)}", "allowed", string.Join("; ", denied));
    }

    private async Task<CheckResult> TaskRoleAsync(string definition, string? role, Make result, CancellationToken cancellationToken)
    {
        var family = definition[(definition.LastIndexOf('/') + 1)..];
        if (role is null)
        {
            return result(ExecCheckCatalog.TaskRole, family, CheckStatus.Fail, $"task definition {family} has no task role; the ExecuteCommandAgent needs one allowing {string.Join(", ", SessionActions)}", "a task role", Checks.Registry.Words.None);
        }

        return await DecisionsAsync(ExecCheckCatalog.TaskRole, family, role, SessionActions, null, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CheckResult> KmsAsync(string cluster, string key, string? role, Make result, CancellationToken cancellationToken)
    {
        KmsKeyInfo info;
        try
        {
            info = await account.DescribeKeyAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (AccountReadException e) when (e.IsNotFound)
        {
            return result(ExecCheckCatalog.KmsKey, cluster, CheckStatus.Fail, $"the exec KMS key {key} does not exist", "Enabled", Checks.Registry.Words.Missing);
        }
        catch (AccountReadException e)
        {
            return result(ExecCheckCatalog.KmsKey, cluster, CheckStatus.Skip, $"the exec KMS key {key} cannot be read: {Redaction.Redactor.Shown(e.Message)}");
        }

        if (info.KeyState != "Enabled")
        {
            return result(ExecCheckCatalog.KmsKey, cluster, CheckStatus.Fail, $"the exec KMS key {info.Arn} is {info.KeyState ?? "in an unknown state"}", "Enabled", info.KeyState ?? "unknown");
        }

        return role is null
            ? result(ExecCheckCatalog.KmsKey, cluster, CheckStatus.Pass, $"KMS key {info.Arn} Enabled", "Enabled", "Enabled")
            : await DecisionsAsync(ExecCheckCatalog.KmsKey, cluster, role, ["kms:Decrypt"], info.Arn, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CheckResult> LogsAsync(string cluster, EcsExecConfiguration exec, string? role, Make result, CancellationToken cancellationToken)
    {
        if (exec.LogGroupName is not { } name)
        {
            return await BucketAsync(cluster, exec.S3BucketName!, result, cancellationToken).ConfigureAwait(false);
        }

        LogGroupInfo? group;
        try
        {
            group = await account.DescribeLogGroupAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (AccountReadException e)
        {
            return result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Skip, $"log group {name} cannot be read: {Redaction.Redactor.Shown(e.Message)}");
        }

        if (group is null)
        {
            return result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Fail, $"the exec log group {name} does not exist: sessions cannot be logged", name, Checks.Registry.Words.Missing);
        }

        if (exec.LogGroupEncryption && group.KmsKeyId is null)
        {
            return result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Fail, $"the exec log group {name} has no KMS key, but cloudWatchEncryptionEnabled is true: sessions fail to start", "encrypted", "not encrypted");
        }

        return role is null
            ? result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Pass, $"log group {name} exists", name, name)
            : await DecisionsAsync(ExecCheckCatalog.LogDestination, cluster, role, LogActions, null, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CheckResult> BucketAsync(string cluster, string bucket, Make result, CancellationToken cancellationToken)
    {
        try
        {
            return await account.BucketExistsAsync(bucket, cancellationToken).ConfigureAwait(false)
                ? result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Pass, $"S3 bucket {bucket} exists", bucket, bucket)
                : result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Fail, $"the exec S3 bucket {bucket} does not exist: sessions cannot be logged", bucket, Checks.Registry.Words.Missing);
        }
        catch (AccountReadException e)
        {
            return result(ExecCheckCatalog.LogDestination, cluster, CheckStatus.Skip, $"S3 bucket {bucket} cannot be read: {Redaction.Redactor.Shown(e.Message)}");
        }
    }

    /// <summary>What IAM's simulator says of <paramref name="actions"/> for <paramref name="role"/>: a pass when all are allowed, the denied ones named, a skip when IAM cannot be read.</summary>
    private async Task<CheckResult> DecisionsAsync(CheckInfo info, string target, string role, IReadOnlyList<string> actions, string? resource, Make result, CancellationToken cancellationToken)
    {
        IReadOnlyList<SimulatedDecision> decisions;
        try
        {
            decisions = await account.SimulatePrincipalPolicyAsync(role, actions, resource, cancellationToken).ConfigureAwait(false);
        }
        catch (AccountReadException e)
        {
            return result(info, target, CheckStatus.Skip, $"what {role} may do cannot be read: {Redaction.Redactor.Shown(e.Message)}");
        }

        var denied = actions.Where(a => decisions.FirstOrDefault(d => string.Equals(d.Action, a, StringComparison.OrdinalIgnoreCase))?.Decision != "allowed").ToList();
        return denied.Count == 0
            ? result(info, target, CheckStatus.Pass, $"{role} may {string.Join(", ", actions)}", "allowed", "allowed")
            : result(info, target, CheckStatus.Fail, $"{role} may not {string.Join(", ", denied.Select(a => $"{a} ({decisions.FirstOrDefault(d => string.Equals(d.Action, a, StringComparison.OrdinalIgnoreCase))?.Decision ?? "not evaluated"})"))}", "allowed", string.Join(", ", denied));
    }
}
