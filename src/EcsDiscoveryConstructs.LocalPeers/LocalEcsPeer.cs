using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.LocalPeers;

/// <summary>
/// A local ECS peer on loopback, answering the ECS calls the verifier makes (JSON 1.1, AWS's documented shapes):
/// DescribeClusters, DescribeServices, ListTasks, DescribeTasks and ListServiceDeployments. Its services are the stacks'
/// ECS services, named as <see cref="LocalDeployer"/> registers them; its RUNNING tasks are the instances ECS services
/// registered in the Cloud Map peer (the instance id is the task id), read again for every call, so what
/// <c>local-deploy</c> registers is what ECS runs. A scenario turns a service into a rolling deployment in progress
/// (<see cref="Deploying"/>) or a crash loop whose tasks stop with a reason (<see cref="CrashLooping"/>). moto's ECS
/// cannot stand in: it drops Service Connect and enableExecuteCommand and fails Fargate RunTask. It also answers
/// CloudFormation's ListStackResources (Query protocol) for the stacks, with the physical ids a local deploy gives
/// (<see cref="PhysicalIdsAsync"/>), so <c>verify</c> resolves deployed names against it as against AWS, and
/// DescribeStacks and GetTemplate with each stack's template as the assembly holds it.
/// </summary>
/// <remarks>
/// Not shown: task definitions, container instances, load balancers, capacity providers, service events beyond the
/// scenario's, and the pace of a real deployment (a scenario holds until it is cleared).
/// </remarks>
internal sealed class LocalEcsPeer : IDisposable
{
    private const string Account = "000000000000";

    private readonly ICloudMapClient registry;
    private readonly IReadOnlyList<StackTopology> stacks;
    private readonly string region;
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly ConcurrentDictionary<(string Cluster, string Service), Scenario> scenarios = new();
    private readonly TimeProvider clock;
    private readonly DateTimeOffset started;
    private Dictionary<string, Dictionary<string, (string PhysicalId, string Type)>>? frozenIds;

    /// <summary>Starts answering on http://127.0.0.1:<paramref name="port"/>/; its times (creation, deployments, stopped tasks) read <paramref name="clock"/> (default: the system's).</summary>
    public LocalEcsPeer(ICloudMapClient registry, IReadOnlyList<StackTopology> stacks, string region, int port, TimeProvider? clock = null)
    {
        this.registry = registry;
        this.stacks = stacks;
        this.region = region;
        this.clock = clock ?? TimeProvider.System;
        started = this.clock.GetUtcNow();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Endpoint.ToString());
        try
        {
            listener.Start();
        }
        catch (HttpListenerException)
        {
            listener.Close();
            stop.Dispose();
            throw;
        }

        loop = Task.Run(ServeAsync);
    }

    /// <summary>Where the peer answers.</summary>
    public Uri Endpoint { get; }

    /// <summary>Makes <paramref name="service"/> a rolling deployment in progress: a new revision PRIMARY and IN_PROGRESS beside the old one, ACTIVE.</summary>
    public void Deploying(string cluster, string service) => scenarios[(cluster, service)] = new Scenario(Deploying: true, CrashReason: null);

    /// <summary>Makes <paramref name="service"/> a crash loop: no task runs, each stops with <paramref name="reason"/> (e.g. CannotPullContainerError).</summary>
    public void CrashLooping(string cluster, string service, string reason) => scenarios[(cluster, service)] = new Scenario(Deploying: false, CrashReason: reason);

    /// <summary>Ends a scenario: the service is in steady state again.</summary>
    public void Steady(string cluster, string service) => scenarios.TryRemove((cluster, service), out _);

    /// <inheritdoc />
    public void Dispose()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        stop.Cancel();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by the listener closing under it.
        }

        stop.Dispose();
    }

    /// <summary>The answer to one call: status and JSON body (an error as <c>{"__type", "message"}</c>).</summary>
    internal async Task<(int Status, string Body)> AnswerAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var services = Services();
        var clusters = services.Select(s => s.Cluster).ToHashSet(StringComparer.Ordinal);
        // ECS takes a cluster, service or task by name or ARN: the name is what follows the last '/'.
        static string NameOf(string nameOrArn) => nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..];
        string? Cluster() => request["cluster"] is JsonValue v && v.TryGetValue<string>(out var c) ? NameOf(c) : "default";
        IEnumerable<string> Strings(string member) => (request[member] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : string.Empty);
        (int, string) Error(string type, string message) => (400, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString());

        if (operation == "DescribeClusters")
        {
            var asked = Strings("clusters").Select(NameOf).ToList();
            return (200, new JsonObject
            {
                ["clusters"] = new JsonArray([.. asked.Where(clusters.Contains).Select(c => (JsonNode)new JsonObject { ["clusterArn"] = Arn("cluster", c), ["clusterName"] = c, ["status"] = "ACTIVE" })]),
                ["failures"] = new JsonArray([.. asked.Where(c => !clusters.Contains(c)).Select(c => (JsonNode)new JsonObject { ["arn"] = Arn("cluster", c), ["reason"] = "MISSING" })]),
            }.ToJsonString());
        }

        if (operation is not ("DescribeServices" or "ListTasks" or "DescribeTasks" or "ListServiceDeployments"))
        {
            return Error("InvalidParameterException", $"The local ECS peer does not answer {operation}.");
        }

        var cluster = Cluster()!;
        if (!clusters.Contains(cluster))
        {
            return Error("ClusterNotFoundException", "Cluster not found.");
        }

        var inClusterAll = services.Where(s => s.Cluster == cluster).ToList();
        // Two stacks may name the same cluster and service literally: the first one answers, as one ECS service would.
        var inCluster = inClusterAll.DistinctBy(s => s.Name, StringComparer.Ordinal).ToDictionary(s => s.Name, StringComparer.Ordinal);
        switch (operation)
        {
            case "DescribeServices":
            {
                var asked = Strings("services").Select(NameOf).ToList();
                var tasks = await TasksAsync(cluster, inClusterAll, cancellationToken).ConfigureAwait(false);
                var ids = await PhysicalIdsAsync(registry, stacks, region, cancellationToken).ConfigureAwait(false);
                return (200, new JsonObject
                {
                    ["services"] = new JsonArray([.. asked.Where(inCluster.ContainsKey).Select(n => (JsonNode)ServiceJson(inCluster[n], tasks, ids[inCluster[n].Stack.Name]))]),
                    ["failures"] = new JsonArray([.. asked.Where(n => !inCluster.ContainsKey(n)).Select(n => (JsonNode)new JsonObject { ["arn"] = Arn("service", $"{cluster}/{n}"), ["reason"] = "MISSING" })]),
                }.ToJsonString());
            }

            case "ListTasks":
            {
                var service = request["serviceName"]?.GetValue<string>();
                var status = request["desiredStatus"]?.GetValue<string>() ?? "RUNNING";
                var tasks = await TasksAsync(cluster, inClusterAll, cancellationToken).ConfigureAwait(false);
                return (200, new JsonObject { ["taskArns"] = new JsonArray([.. tasks.Where(t => (service is null || t.Service == service) && t.DesiredStatus == status).Select(t => (JsonNode)Arn("task", $"{cluster}/{t.Id}"))]) }.ToJsonString());
            }

            case "DescribeTasks":
            {
                var asked = Strings("tasks").Select(NameOf).ToList();
                var tasks = await TasksAsync(cluster, inClusterAll, cancellationToken).ConfigureAwait(false);
                var byId = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
                return (200, new JsonObject
                {
                    ["tasks"] = new JsonArray([.. asked.Where(byId.ContainsKey).Select(id => (JsonNode)TaskJson(cluster, byId[id]))]),
                    ["failures"] = new JsonArray([.. asked.Where(id => !byId.ContainsKey(id)).Select(id => (JsonNode)new JsonObject { ["arn"] = Arn("task", $"{cluster}/{id}"), ["reason"] = "MISSING" })]),
                }.ToJsonString());
            }

            default:
            {
                var service = NameOf(request["service"]?.GetValue<string>() ?? string.Empty);
                var deploying = scenarios.TryGetValue((cluster, service), out var scenario) && scenario.Deploying;
                return (200, new JsonObject
                {
                    ["serviceDeployments"] = deploying
                        ? new JsonArray(new JsonObject { ["serviceDeploymentArn"] = Arn("service-deployment", $"{cluster}/{service}/local-2"), ["status"] = "IN_PROGRESS", ["createdAt"] = Now() - 60 })
                        : [],
                }.ToJsonString());
            }
        }
    }

    /// <summary>
    /// CloudFormation for a stack (by its deployed name): ListStackResources (every resource with a physical id a local
    /// deploy gave), DescribeStacks (created when the peer started) and GetTemplate (the assembly's template).
    /// </summary>
    internal async Task<(int Status, string Body)> AnswerQueryAsync(System.Collections.Specialized.NameValueCollection form, CancellationToken cancellationToken)
    {
        const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
        static string Escape(string text) => System.Security.SecurityElement.Escape(text);
        (int, string) Error(string code, string message)
            => (400, $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{Escape(message)}</Message></Error><RequestId>local</RequestId></ErrorResponse>");
        if (form["Action"] is not ("ListStackResources" or "DescribeStacks" or "GetTemplate"))
        {
            return Error("InvalidAction", $"The local peer does not answer {form["Action"] ?? "a request without Action"}.");
        }

        var stack = stacks.FirstOrDefault(s => s.DeployedName == form["StackName"]);
        if (stack is null)
        {
            return Error("ValidationError", $"Stack with id {form["StackName"]} does not exist");
        }

        // A local deploy is one creation: the stack's template changed when the peer started.
        if (form["Action"] == "DescribeStacks")
        {
            return (200, $"<DescribeStacksResponse xmlns=\"{Ns}\"><DescribeStacksResult><Stacks><member><StackId>arn:aws:cloudformation:{region}:{Account}:stack/{Escape(stack.DeployedName)}/local</StackId><StackName>{Escape(stack.DeployedName)}</StackName><CreationTime>{started:yyyy-MM-ddTHH:mm:ss.fffZ}</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>local</RequestId></ResponseMetadata></DescribeStacksResponse>");
        }

        if (form["Action"] == "GetTemplate")
        {
            return stack.TemplateBody is { } body
                ? (200, $"<GetTemplateResponse xmlns=\"{Ns}\"><GetTemplateResult><TemplateBody>{Escape(body)}</TemplateBody></GetTemplateResult><ResponseMetadata><RequestId>local</RequestId></ResponseMetadata></GetTemplateResponse>")
                : Error("ValidationError", $"The local peer has no template for stack {stack.DeployedName}");
        }

        var ids = frozenIds?.GetValueOrDefault(stack.Name) ?? (await PhysicalIdsAsync(registry, [stack], region, cancellationToken).ConfigureAwait(false))[stack.Name];
        var members = string.Concat(ids.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i =>
            $"<member><LogicalResourceId>{Escape(i.Key)}</LogicalResourceId><PhysicalResourceId>{Escape(i.Value.PhysicalId)}</PhysicalResourceId><ResourceType>{i.Value.Type}</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>"));
        return (200, $"<ListStackResourcesResponse xmlns=\"{Ns}\"><ListStackResourcesResult><StackResourceSummaries>{members}</StackResourceSummaries></ListStackResourcesResult><ResponseMetadata><RequestId>local</RequestId></ResponseMetadata></ListStackResourcesResponse>");
    }

    /// <summary>
    /// Keeps the physical ids the registry gives the stacks now as the deployed ones, as CloudFormation keeps its physical
    /// ids when a resource is re-created outside it: afterwards ListStackResources answers these, so a namespace or service
    /// re-created in the registry shows up as replaced (namespace-id, service-id).
    /// </summary>
    public async Task FreezeDeployedIdsAsync(CancellationToken cancellationToken)
        => frozenIds = await PhysicalIdsAsync(registry, stacks, region, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The physical ids a local deploy gives the stacks' discovery resources, as CloudFormation reports them: namespace
    /// and Cloud Map service ids from the peer (by name), a cluster CloudFormation would name is named by its logical id,
    /// an ECS service's id is its ARN. Per stack (display name): logical id to physical id and type.
    /// </summary>
    public static async Task<Dictionary<string, Dictionary<string, (string PhysicalId, string Type)>>> PhysicalIdsAsync(ICloudMapClient registry, IReadOnlyList<StackTopology> stacks, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(stacks);
        var live = await registry.ListNamespacesAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, Dictionary<string, (string, string)>>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            var ids = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            var namespaceIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var ns in stack.Namespaces)
            {
                if (live.FirstOrDefault(l => l.Name == ns.Name.Literal && l.Type == NamespaceTypes.Of(ns.Kind)) is { } found)
                {
                    namespaceIds[ns.LogicalId] = found.Id;
                    ids[ns.LogicalId] = (found.Id, $"AWS::ServiceDiscovery::{(ns.Kind == NamespaceKind.PrivateDns ? "PrivateDns" : ns.Kind == NamespaceKind.PublicDns ? "PublicDns" : "Http")}Namespace");
                }
            }

            foreach (var group in stack.CloudMapServices.Where(c => c.NamespaceLogicalId is not null && namespaceIds.ContainsKey(c.NamespaceLogicalId)).GroupBy(c => namespaceIds[c.NamespaceLogicalId!]))
            {
                var services = await registry.ListServicesAsync(group.Key, cancellationToken).ConfigureAwait(false);
                foreach (var cm in group)
                {
                    if (services.FirstOrDefault(s => s.Name == cm.Name.Literal) is { } found)
                    {
                        ids[cm.LogicalId] = (found.Id, "AWS::ServiceDiscovery::Service");
                    }
                }
            }

            foreach (var ecs in stack.EcsServices)
            {
                if (ecs.ClusterLogicalId is { } cluster)
                {
                    ids[cluster] = (LocalDeployer.ClusterName(stack, ecs), "AWS::ECS::Cluster");
                }

                ids[ecs.LogicalId] = ($"arn:aws:ecs:{region}:{Account}:service/{LocalDeployer.ClusterName(stack, ecs)}/{LocalDeployer.EcsServiceName(ecs)}", "AWS::ECS::Service");
            }

            result[stack.Name] = ids;
        }

        return result;
    }

    /// <summary>The stacks' ECS services, as local-deploy names them.</summary>
    private List<LocalService> Services()
        => [.. stacks.SelectMany(s => s.EcsServices.Select(e => new LocalService(s, LocalDeployer.ClusterName(s, e), LocalDeployer.EcsServiceName(e), LocalDeployer.TaskCount(e), e)))];

    /// <summary>
    /// The tasks of <paramref name="cluster"/> (whose ECS services are <paramref name="inCluster"/>): a RUNNING one per
    /// instance its services registered and per task of a service that registers nowhere, and a crash loop's stopped ones.
    /// </summary>
    private async Task<List<LocalTask>> TasksAsync(string cluster, IReadOnlyList<LocalService> inCluster, CancellationToken cancellationToken)
    {
        var tasks = new List<LocalTask>();
        foreach (var ns in await registry.ListNamespacesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var service in await registry.ListServicesAsync(ns.Id, cancellationToken).ConfigureAwait(false))
            {
                foreach (var instance in await registry.ListInstancesAsync(service.Id, cancellationToken).ConfigureAwait(false))
                {
                    if (instance.Attributes.GetValueOrDefault("ECS_CLUSTER_NAME") == cluster && instance.Attributes.GetValueOrDefault("ECS_SERVICE_NAME") is { } owner)
                    {
                        tasks.Add(new LocalTask(instance.Id, owner, "RUNNING", instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV4"), null));
                    }
                }
            }
        }

        // One task registers into every Cloud Map service of its ECS service (a registry and Service Connect): one task.
        tasks = [.. tasks.DistinctBy(t => t.Id, StringComparer.Ordinal)];
        // A service that registers nowhere (a Service Connect client) runs its tasks all the same, unless it crash loops.
        foreach (var service in inCluster.Where(s => s.RegistersNowhere && scenarios.GetValueOrDefault((cluster, s.Name))?.CrashReason is null))
        {
            tasks.AddRange(LocalDeployer.UnregisteredTasks(service.Stack, service.Info, region).Select(t => new LocalTask(t.Id, service.Name, "RUNNING", t.Address, null)));
        }

        foreach (var ((_, service), scenario) in scenarios.Where(s => s.Key.Cluster == cluster && s.Value.CrashReason is not null))
        {
            tasks.AddRange(Enumerable.Range(1, 3).Select(i => new LocalTask(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{cluster}/{service}/stopped/{i}")))[..32], service, "STOPPED", null, scenario.CrashReason)));
        }

        return tasks;
    }

    private JsonObject ServiceJson(LocalService service, List<LocalTask> tasks, Dictionary<string, (string PhysicalId, string Type)> ids)
    {
        scenarios.TryGetValue((service.Cluster, service.Name), out var scenario);
        var running = tasks.Count(t => t.Service == service.Name && t.DesiredStatus == "RUNNING");
        var deployments = new JsonArray(Deployment("ecs-svc/local-2", "PRIMARY", scenario is null ? "COMPLETED" : "IN_PROGRESS", service.Desired, scenario?.Deploying == true ? service.Desired : running, scenario?.CrashReason is null ? 0 : 3, age: 600));
        if (scenario?.Deploying == true)
        {
            deployments.Add(Deployment("ecs-svc/local-1", "ACTIVE", "COMPLETED", service.Desired, Math.Max(0, running - service.Desired), 0, age: 86400));
        }

        var events = scenario?.CrashReason is { } reason
            ? new JsonArray(new JsonObject { ["createdAt"] = Now(), ["message"] = $"(service {service.Name}) is unable to consistently start tasks successfully. {reason}" })
            : [];
        var (minimum, maximum) = service.Info.DeploymentLimits;
        var result = new JsonObject
        {
            ["serviceArn"] = Arn("service", $"{service.Cluster}/{service.Name}"),
            ["serviceName"] = service.Name,
            ["clusterArn"] = Arn("cluster", service.Cluster),
            ["status"] = "ACTIVE",
            ["desiredCount"] = service.Desired,
            ["runningCount"] = running,
            ["pendingCount"] = 0,
            ["taskDefinition"] = Arn("task-definition", $"{service.Info.TaskFamily ?? service.Name}:2"),
            ["deploymentConfiguration"] = new JsonObject { ["minimumHealthyPercent"] = minimum ?? 100, ["maximumPercent"] = maximum ?? 200 },
            ["serviceRegistries"] = new JsonArray([.. service.Info.RegistryServiceLogicalIds.Where(ids.ContainsKey).Select(r => (JsonNode)new JsonObject { ["registryArn"] = $"arn:aws:servicediscovery:{region}:{Account}:service/{ids[r].PhysicalId}" })]),
            ["deployments"] = deployments,
            ["events"] = events,
            ["enableExecuteCommand"] = service.Info.EnableExecuteCommand ?? false,
            ["deploymentController"] = new JsonObject { ["type"] = "ECS" },
        };
        if (service.Info.Endpoints.Count > 0 || service.Info.ServiceConnectNamespaceLogicalId is not null)
        {
            // ECS answers the namespace as the service was given it; a deployed stack gives the namespace's ARN.
            var configuration = new JsonObject { ["enabled"] = true };
            if (service.Info.ServiceConnectNamespaceLogicalId is { } ns && ids.TryGetValue(ns, out var id))
            {
                configuration["namespace"] = $"arn:aws:servicediscovery:{region}:{Account}:namespace/{id.PhysicalId}";
            }

            deployments[0]!["serviceConnectConfiguration"] = configuration;
        }

        return result;
    }

    /// <summary>One of a service's deployments, created <paramref name="age"/> seconds ago.</summary>
    private JsonObject Deployment(string id, string status, string rollout, int desired, int running, int failed, int age) => new()
    {
        ["id"] = id,
        ["status"] = status,
        ["rolloutState"] = rollout,
        ["desiredCount"] = desired,
        ["runningCount"] = running,
        ["pendingCount"] = 0,
        ["failedTasks"] = failed,
        ["createdAt"] = Now() - age,
    };

    private JsonObject TaskJson(string cluster, LocalTask task)
    {
        var stopped = task.DesiredStatus == "STOPPED";
        var result = new JsonObject
        {
            ["taskArn"] = Arn("task", $"{cluster}/{task.Id}"),
            ["clusterArn"] = Arn("cluster", cluster),
            ["lastStatus"] = task.DesiredStatus,
            ["desiredStatus"] = task.DesiredStatus,
            // A service's tasks: started by its deployment, in the group "service:<name>" (DescribeTasks' Task.group).
            ["startedBy"] = "ecs-svc/local-2",
            ["group"] = $"service:{task.Service}",
            ["launchType"] = "FARGATE",
            ["platformVersion"] = "1.4.0",
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["lastStatus"] = task.DesiredStatus }),
        };
        if (task.Address is { } address)
        {
            result["attachments"] = new JsonArray(new JsonObject { ["type"] = "ElasticNetworkInterface", ["details"] = new JsonArray(new JsonObject { ["name"] = "privateIPv4Address", ["value"] = address }) });
        }

        if (stopped)
        {
            result["containers"]![0]!["reason"] = task.StoppedReason;
            result["stopCode"] = "TaskFailedToStart";
            result["stoppedReason"] = task.StoppedReason;
            result["stoppedAt"] = Now() - (task.Id[0] % 10);
        }

        return result;
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeSeconds();

    private string Arn(string resource, string name) => $"arn:aws:ecs:{region}:{Account}:{resource}/{name}";

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = System.Threading.Tasks.Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        int status;
        string body;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(stop.Token).ConfigureAwait(false);
            var target = context.Request.Headers["X-Amz-Target"] ?? string.Empty;
            if (target.Length == 0 && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
            {
                (status, body) = await AnswerQueryAsync(System.Web.HttpUtility.ParseQueryString(text), stop.Token).ConfigureAwait(false);
            }
            else
            {
                var request = UntrustedJson.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text, "request") as JsonObject ?? [];
                (status, body) = await AnswerAsync(target[(target.LastIndexOf('.') + 1)..], request, stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InputException or InvalidOperationException or FormatException)
        {
            (status, body) = (400, new JsonObject { ["__type"] = "SerializationException", ["message"] = e.Message }.ToJsonString());
        }
        catch (Exception e) when (e is CloudMapException or OperationCanceledException)
        {
            (status, body) = (500, new JsonObject { ["__type"] = "ServerException", ["message"] = $"the Cloud Map peer cannot be read: {e.Message}" }.ToJsonString());
        }
#pragma warning disable CA1031 // A peer answers every request: an unexpected failure is a 500 naming it, never a caller left waiting.
        catch (Exception e)
#pragma warning restore CA1031
        {
            (status, body) = (500, new JsonObject { ["__type"] = "InternalFailure", ["message"] = $"{e.GetType().Name}: {e.Message}" }.ToJsonString());
        }

        try
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('<') ? "text/xml" : "application/x-amz-json-1.1";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes, stop.Token).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // The caller went away, or the peer is stopping.
        }
    }

    private sealed record Scenario(bool Deploying, string? CrashReason);

    private sealed record LocalService(StackTopology Stack, string Cluster, string Name, int Desired, EcsServiceInfo Info)
    {
        /// <summary>No Cloud Map service or Service Connect endpoint: its tasks are in no registry (a Service Connect client).</summary>
        public bool RegistersNowhere => Info.RegistryServiceLogicalId is null && Info.RegistryArn is null && Info.RegistryServiceLogicalIds.Count == 0 && Info.Endpoints.Count == 0;
    }

    private sealed record LocalTask(string Id, string Service, string DesiredStatus, string? Address, string? StoppedReason);
}
