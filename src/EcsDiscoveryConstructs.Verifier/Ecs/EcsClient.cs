using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Ecs;

/// <summary>
/// A small typed ECS reader over the verifier's AWS JSON 1.1 transport (the Cloud Map client's signer, credentials,
/// retries with backoff, timeouts, redaction and untrusted-JSON reading; AWSSDK.ECS is not served). Describe calls are
/// batched at the API's limits and return what ECS could not describe (<c>failures</c>) beside what it did; listings
/// follow <c>nextToken</c>.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/Welcome.html: DescribeClusters (<c>clusters</c>, at most 100),
/// DescribeServices (<c>services</c>, at most 10), ListTasks (<c>maxResults</c> 1-100), DescribeTasks (<c>tasks</c>, at most
/// 100), DescribeTaskDefinition, ListServiceDeployments (<c>maxResults</c> 1-100), DescribeServiceDeployments
/// (<c>serviceDeploymentArns</c>, at most 20). Timestamps are seconds since the epoch.
/// </remarks>
internal sealed class EcsClient : IEcsReader, IDisposable
{
    /// <summary>Most clusters per DescribeClusters call.</summary>
    public const int ClustersPerCall = 100;

    /// <summary>Most services per DescribeServices call.</summary>
    public const int ServicesPerCall = 10;

    /// <summary>Most tasks per DescribeTasks call, and per ListTasks page.</summary>
    public const int TasksPerCall = 100;

    /// <summary>Most service deployments per DescribeServiceDeployments call.</summary>
    public const int ServiceDeploymentsPerCall = 20;

    private const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    private readonly AwsJsonTransport transport;
    private readonly Uri endpoint;

    /// <summary>Creates the reader; <paramref name="handler"/> replaces the HTTP transport (tests).</summary>
    public EcsClient(AwsClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        transport = new AwsJsonTransport(options, "ecs", TargetPrefix, (operation, code, message, status, inner) => new EcsException(operation, code, message, status, inner), handler);
        endpoint = transport.Endpoint("ecs");
    }

    /// <summary>The ECS API endpoint the reader calls.</summary>
    public Uri Endpoint => endpoint;

    /// <summary>How many HTTP requests the reader has sent, retries included.</summary>
    public int RequestCount => transport.RequestCount;

    /// <inheritdoc />
    public Task<EcsDescribed<EcsCluster>> DescribeClustersAsync(IReadOnlyList<string> clusters, CancellationToken cancellationToken)
        => DescribeAsync("DescribeClusters", clusters, ClustersPerCall, batch => new JsonObject { ["clusters"] = Strings(batch), ["include"] = Strings(["CONFIGURATIONS"]) }, "clusters", Cluster, cancellationToken);

    /// <inheritdoc />
    public Task<EcsDescribed<EcsService>> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken)
        => DescribeAsync("DescribeServices", services, ServicesPerCall, batch => new JsonObject { ["cluster"] = cluster, ["services"] = Strings(batch) }, "services", Service, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName, string? desiredStatus, int limit, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["cluster"] = cluster, ["maxResults"] = TasksPerCall };
        if (serviceName is not null)
        {
            request["serviceName"] = serviceName;
        }

        if (desiredStatus is not null)
        {
            request["desiredStatus"] = desiredStatus;
        }

        var arns = new List<string>();
        await foreach (var page in transport.PageObjectsAsync("ListTasks", request, "nextToken", endpoint, cancellationToken).ConfigureAwait(false))
        {
            arns.AddRange(transport.Shaped("ListTasks", page, p => UntrustedJson.Array(p["taskArns"], "ListTasks", "taskArns").Select((a, i) => UntrustedJson.String(a, "ListTasks", $"taskArns[{i}]") ?? string.Empty)));
            if (arns.Count >= limit)
            {
                break;
            }
        }

        return arns.Count > limit ? arns[..limit] : arns;
    }

    /// <inheritdoc />
    public Task<EcsDescribed<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
        => DescribeAsync("DescribeTasks", tasks, TasksPerCall, batch => new JsonObject { ["cluster"] = cluster, ["tasks"] = Strings(batch) }, "tasks", Task, cancellationToken);

    /// <inheritdoc />
    public async Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken)
    {
        const string Operation = "DescribeTaskDefinition";
        var answer = await transport.SendAsync(Operation, new JsonObject { ["taskDefinition"] = taskDefinition }, endpoint, cancellationToken).ConfigureAwait(false);
        return transport.Shaped(Operation, answer, a =>
        {
            var definition = UntrustedJson.Object(a["taskDefinition"], Operation, "taskDefinition")!;
            var containers = UntrustedJson.Array(definition["containerDefinitions"], Operation, "taskDefinition.containerDefinitions")
                .Select((c, i) => UntrustedJson.Object(c, Operation, $"taskDefinition.containerDefinitions[{i}]")!)
                .Select(c => new EcsContainerDefinition(
                    Text(c, "name"),
                    UntrustedJson.Array(c["portMappings"], Operation, "portMappings").OfType<JsonObject>().Select(p => (Text(p, "name"), Int(p["containerPort"]))).ToList()))
                .ToList();
            return new EcsTaskDefinition(Required(definition, "taskDefinitionArn", Operation), Text(definition, "family"), Int(definition["revision"]), Text(definition, "networkMode"), containers) { TaskRoleArn = Text(definition, "taskRoleArn") };
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EcsServiceDeployment>> ListServiceDeploymentsAsync(string cluster, string service, DateTimeOffset? createdAfter, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["cluster"] = cluster, ["service"] = service, ["maxResults"] = 100 };
        if (createdAfter is { } after)
        {
            // CreatedAt.after: a timestamp, which the JSON protocol sends as seconds since the epoch.
            request["createdAt"] = new JsonObject { ["after"] = after.ToUnixTimeSeconds() };
        }

        var items = await transport.PagesAsync("ListServiceDeployments", request, "serviceDeployments", "nextToken", endpoint, cancellationToken).ConfigureAwait(false);
        return transport.Shaped("ListServiceDeployments", items, list => list.Select(d => ServiceDeployment(d, "ListServiceDeployments")).ToList());
    }

    /// <inheritdoc />
    public Task<EcsDescribed<EcsServiceDeployment>> DescribeServiceDeploymentsAsync(IReadOnlyList<string> serviceDeploymentArns, CancellationToken cancellationToken)
        => DescribeAsync("DescribeServiceDeployments", serviceDeploymentArns, ServiceDeploymentsPerCall, batch => new JsonObject { ["serviceDeploymentArns"] = Strings(batch) }, "serviceDeployments", d => ServiceDeployment(d, "DescribeServiceDeployments"), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <summary>Describes <paramref name="names"/> in batches of <paramref name="perCall"/>, collecting the items and the failures.</summary>
    private async Task<EcsDescribed<T>> DescribeAsync<T>(string operation, IReadOnlyList<string> names, int perCall, Func<string[], JsonObject> request, string member, Func<JsonObject, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var items = new List<T>();
        var failures = new List<EcsFailure>();
        foreach (var batch in names.Distinct(StringComparer.Ordinal).Chunk(perCall))
        {
            var answer = await transport.SendAsync(operation, request(batch), endpoint, cancellationToken).ConfigureAwait(false);
            var (found, refused) = transport.Shaped(operation, answer, a => (
                AwsJsonTransport.Items(a, member, operation).Select(read).ToList(),
                AwsJsonTransport.Items(a, "failures", operation).Select(f => new EcsFailure(Text(f, "arn"), Text(f, "reason"), Text(f, "detail"))).ToList()));
            items.AddRange(found);
            failures.AddRange(refused);
        }

        return new EcsDescribed<T>(items, failures);
    }

    private static EcsCluster Cluster(JsonObject c)
    {
        const string Operation = "DescribeClusters";
        var exec = UntrustedJson.Object(UntrustedJson.Object(c["configuration"], Operation, "configuration", optional: true)?["executeCommandConfiguration"], Operation, "configuration.executeCommandConfiguration", optional: true);
        var logs = UntrustedJson.Object(exec?["logConfiguration"], Operation, "executeCommandConfiguration.logConfiguration", optional: true);
        return new EcsCluster(Required(c, "clusterArn", Operation), Text(c, "clusterName") ?? string.Empty, Text(c, "status"))
        {
            ExecuteCommand = exec is null ? null : new EcsExecConfiguration(Text(exec, "kmsKeyId"), Text(exec, "logging"), Text(logs, "cloudWatchLogGroupName"), Bool(logs?["cloudWatchEncryptionEnabled"]), Text(logs, "s3BucketName"), Bool(logs?["s3EncryptionEnabled"])),
        };
    }

    private static EcsService Service(JsonObject s)
    {
        const string Operation = "DescribeServices";
        var deployments = AwsJsonTransport.Items(s, "deployments", Operation);
        var primary = deployments.FirstOrDefault(d => Text(d, "status") == "PRIMARY");
        return new EcsService(Required(s, "serviceArn", Operation), Text(s, "serviceName") ?? string.Empty, Text(s, "clusterArn"), Text(s, "status"), Int(s["desiredCount"]) ?? 0, Int(s["runningCount"]) ?? 0, Int(s["pendingCount"]) ?? 0, Text(s, "taskDefinition"))
        {
            MinimumHealthyPercent = Int(s["deploymentConfiguration"]?["minimumHealthyPercent"]),
            MaximumPercent = Int(s["deploymentConfiguration"]?["maximumPercent"]),
            Strategy = Text(s["deploymentConfiguration"] as JsonObject, "strategy"),
            BakeTimeInMinutes = Int(s["deploymentConfiguration"]?["bakeTimeInMinutes"]),
            ServiceRegistries = AwsJsonTransport.Items(s, "serviceRegistries", Operation)
                .Select(r => new EcsServiceRegistry(Text(r, "registryArn"), Text(r, "containerName"), Int(r["containerPort"]), Int(r["port"]))).ToList(),
            Deployments = deployments.Select(d => new EcsDeployment(
                Text(d, "id"), Text(d, "status"), Text(d, "rolloutState"), Text(d, "rolloutStateReason"), Text(d, "taskDefinition"),
                Int(d["desiredCount"]) ?? 0, Int(d["runningCount"]) ?? 0, Int(d["pendingCount"]) ?? 0, Int(d["failedTasks"]) ?? 0, Time(d["createdAt"]))).ToList(),
            Events = AwsJsonTransport.Items(s, "events", Operation).Select(e => new EcsServiceEvent(Time(e["createdAt"]), Text(e, "message") ?? string.Empty)).ToList(),
            EnableExecuteCommand = s["enableExecuteCommand"] is JsonValue v && v.TryGetValue<bool>(out var exec) && exec,
            ServiceConnectNamespace = primary?["serviceConnectConfiguration"] is JsonObject sc && sc["enabled"] is JsonValue on && on.TryGetValue<bool>(out var enabled) && enabled ? Text(sc, "namespace") : null,
            DeploymentController = Text(s["deploymentController"] as JsonObject, "type"),
        };
    }

    private static EcsTask Task(JsonObject t)
    {
        const string Operation = "DescribeTasks";
        var details = AwsJsonTransport.Items(t, "attachments", Operation).SelectMany(a => AwsJsonTransport.Items(a, "details", Operation)).ToList();
        var address = details.FirstOrDefault(d => Text(d, "name") == "privateIPv4Address");
        var subnet = details.FirstOrDefault(d => Text(d, "name") == "subnetId");
        return new EcsTask(Required(t, "taskArn", Operation), Text(t, "taskDefinitionArn"), Text(t, "lastStatus"), Text(t, "desiredStatus"))
        {
            StoppedReason = Text(t, "stoppedReason"),
            StopCode = Text(t, "stopCode"),
            StartedBy = Text(t, "startedBy"),
            PrivateIpv4Address = address is null ? null : Text(address, "value"),
            PlatformVersion = Text(t, "platformVersion"),
            EnableExecuteCommand = t["enableExecuteCommand"] is JsonValue v && v.TryGetValue<bool>(out var exec) && exec,
            StoppedAt = Time(t["stoppedAt"]),
            LaunchType = Text(t, "launchType"),
            SubnetId = subnet is null ? null : Text(subnet, "value"),
            Containers = AwsJsonTransport.Items(t, "containers", Operation).Select(c => new EcsContainer(
                Text(c, "name"), Text(c, "lastStatus"), Text(c, "reason"), Int(c["exitCode"]),
                AwsJsonTransport.Items(c, "managedAgents", Operation).Select(m => new EcsManagedAgent(Text(m, "name"), Text(m, "lastStatus"), Text(m, "reason"))).ToList())).ToList(),
        };
    }

    private static EcsServiceDeployment ServiceDeployment(JsonObject d, string operation)
        => new(Required(d, "serviceDeploymentArn", operation), Text(d, "status"), Text(d, "statusReason"), Time(d["createdAt"]), Time(d["finishedAt"]));

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>A string member, or null when missing; another type is malformed.</summary>
    private static string? Text(JsonObject? o, string name) => o is null ? null : UntrustedJson.String(o[name], "ECS", name);

    /// <summary>A string member the API always sends; missing or empty is malformed.</summary>
    private static string Required(JsonObject o, string name, string operation)
        => UntrustedJson.String(o[name], operation, name) is { Length: > 0 } value ? value : throw UntrustedJson.Unexpected(o[name], operation, name, "a non-empty string");

    /// <summary>A boolean, false when missing; another type is malformed.</summary>
    private static bool Bool(JsonNode? node)
        => node switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw UntrustedJson.Unexpected(node, "ECS", "a flag", "true or false"),
        };

    /// <summary>A whole number within the int range, or null when missing; another type or a fraction is malformed.</summary>
    private static int? Int(JsonNode? node)
        => node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<double>(out var d) && double.IsFinite(d) && d % 1 == 0 && d is >= int.MinValue and <= int.MaxValue => (int)d,
            _ => throw UntrustedJson.Unexpected(node, "ECS", "a count", "a whole number"),
        };

    /// <summary>A timestamp in seconds since the epoch (the JSON protocol's form), or null when missing.</summary>
    private static DateTimeOffset? Time(JsonNode? node)
        => node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<double>(out var seconds) && double.IsFinite(seconds) && seconds is >= 0 and <= 253_402_300_799 => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
            _ => throw UntrustedJson.Unexpected(node, "ECS", "a timestamp", "seconds since the epoch"),
        };
}
