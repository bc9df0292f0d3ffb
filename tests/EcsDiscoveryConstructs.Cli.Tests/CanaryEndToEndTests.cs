using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.LocalPeers;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// The canary's bootstrap as Lambda runs it, locally: a fake Lambda Runtime API hands it one invocation; moto holds the
/// registry (filled by local-deploy), the local ECS peer answers ECS and CloudFormation (the deployed template and its
/// physical ids), and the local DNS peer answers DNS. What it logs (EMF) and reports back.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CanaryEndToEndTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public CanaryEndToEndTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
    }

    [Fact]
    public void CleanRegistry_LogsEmfWithZeroFailures_AndRespondsPassed()
    {
        Deploy();
        using var client = Client(moto.Endpoint);
        using var dns = new LocalDnsPeer(client, LoopbackPorts.UdpAndTcp());
        var (result, log) = Invoke("FrontendBackendDns", moto.Endpoint, dns.Endpoint.ToString());
        Assert.Equal("response", result.Kind);
        Assert.True(JsonNode.Parse(result.Body)!["passed"]!.GetValue<bool>(), result.Body);
        var metrics = Emf(log);
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.Equal(0, m["ChecksFailed"]!.GetValue<int>()));
        Assert.Contains(metrics, m => m["Target"]?.GetValue<string>() == "apps.example.com/backend" && m["ChecksPassed"]!.GetValue<int>() > 5);
    }

    [Fact]
    public void RegistryFault_AndStaleDnsAnswer_AreFailuresWithTheirDimensions()
    {
        Deploy();
        using var raw = new RawCloudMap(moto.Endpoint);
        raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = raw.ServiceId("backend"), ["InstanceId"] = raw.FirstInstanceId("backend") });
        using var stale = new ScriptedDns((name, type) => (name, type) switch
        {
            ("apps.example.com", "SOA") => new("NOERROR", [ScriptedDns.Soa("apps.example.com")]),
            (_, "A") => new("NOERROR", [new(name, "A", 10, "10.0.0.250")]),
            _ => new("NOERROR", [], [ScriptedDns.Soa("apps.example.com")]),
        });
        var (result, log) = Invoke("FrontendBackendDns", moto.Endpoint, stale.Endpoint.ToString());
        Assert.Equal("response", result.Kind);
        Assert.False(JsonNode.Parse(result.Body)!["passed"]!.GetValue<bool>());
        var backend = Emf(log).Single(m => m["Target"]?.GetValue<string>() == "apps.example.com/backend");
        Assert.Equal("FrontendBackendDns", backend["Stack"]!.GetValue<string>());
        Assert.True(backend["ChecksFailed"]!.GetValue<int>() >= 2, backend.ToJsonString()); // instance-count and dns-answers
        Assert.Contains("10.0.0.250", log, StringComparison.Ordinal);
    }

    [Fact]
    public void AStackNotDeployed_AndUnreachableRegistry_AreInvocationErrors()
    {
        var (missing, _) = Invoke("Nope", moto.Endpoint, "none");
        Assert.Equal(("error", "CloudFormationException"), (missing.Kind, JsonNode.Parse(missing.Body)!["errorType"]!.GetValue<string>()));
        Assert.Contains("Stack with id Nope does not exist", missing.Body, StringComparison.Ordinal);

        var (unreachable, _) = Invoke("FrontendBackendDns", ScriptedEndpoint.Refusing(), "none");
        Assert.Equal(("error", "CloudMapException"), (unreachable.Kind, JsonNode.Parse(unreachable.Body)!["errorType"]!.GetValue<string>()));
    }

    [Fact]
    public void AnUnreachableRuntimeApi_EndsTheBootstrapWithOneLine_NoStackTrace()
    {
        var refusing = ScriptedEndpoint.Refusing();
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{refusing.Port}",
            ["AWS_REGION"] = "us-east-1",
            ["ECS_DISCOVERY_STACK"] = "FrontendBackendDns",
            ["ECS_DISCOVERY_DNS_RESOLVER"] = "none",
            ["ECS_DISCOVERY_MAX_INVOCATIONS"] = "1",
        };
        var (exit, output) = Bootstrap(environment);
        Assert.Equal(1, exit);
        Assert.Contains($"ecs-discovery canary: the Lambda Runtime API at 127.0.0.1:{refusing.Port} failed: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1 9001", "127.0.0.1 9001")]
    [InlineData("[::1", "[::1")]
    [InlineData("127.0.0.1:99999", "127.0.0.1:99999")]
    [InlineData("127.0.0.1:9001\nx", "127.0.0.1:9001?x")]
    public void AMalformedRuntimeApi_EndsTheBootstrapWithOneLineNamingIt(string runtimeApi, string shown)
    {
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi, ["AWS_REGION"] = "us-east-1" };
        var (exit, output) = Bootstrap(environment);
        Assert.Equal((2, $"ecs-discovery canary: AWS_LAMBDA_RUNTIME_API '{shown}' is not host:port (a port of 1-65535)"), (exit, output.Trim()));
    }

    [Fact]
    public void ABadSettingAtStart_IsPostedToInitError_WithTheEndpointsPasswordRedacted()
    {
        using var runtime = LoopbackPorts.Bind(port => new LocalLambdaRuntime(port));
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtime.Port}",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = "https://operator:hunter2-secret@cloudmap.example.com/",
        };
        var (exit, output) = Bootstrap(environment);
        const string Line = "the Cloud Map endpoint 'https://operator:[redacted]@cloudmap.example.com/' is not an http(s) URL without a user name";
        Assert.Equal((2, $"ecs-discovery canary: {Line}"), (exit, output.Trim()));
        Assert.True(runtime.Results.TryDequeue(out var posted), "nothing was posted to /runtime/init/error");
        Assert.Equal(("/2018-06-01/runtime/init/error", "Runtime.InvalidConfiguration", Line), (runtime.LastResultPath, JsonNode.Parse(posted.Body)!["errorType"]!.GetValue<string>(), JsonNode.Parse(posted.Body)!["errorMessage"]!.GetValue<string>()));
        Assert.DoesNotContain("hunter2", output + posted.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AMissingStack_IsAnInitErrorNotAFailureOfEveryRun(string? stack)
    {
        using var runtime = LoopbackPorts.Bind(port => new LocalLambdaRuntime(port));
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtime.Port}", ["AWS_REGION"] = "us-east-1", ["ECS_DISCOVERY_DNS_RESOLVER"] = "none" };
        if (stack is not null)
        {
            environment["ECS_DISCOVERY_STACK"] = stack;
        }

        var (exit, output) = Bootstrap(environment);
        const string Line = "ECS_DISCOVERY_STACK is not set: the DiscoveryCanary construct sets it to the stack whose deployed template the canary checks";
        Assert.Equal((2, $"ecs-discovery canary: {Line}"), (exit, output.Trim()));
        Assert.True(runtime.Results.TryDequeue(out var posted), "nothing was posted to /runtime/init/error");
        Assert.Equal(("/2018-06-01/runtime/init/error", Line), (runtime.LastResultPath, JsonNode.Parse(posted.Body)!["errorMessage"]!.GetValue<string>()));
    }

    [Fact]
    public void AFailedRun_LeavesOneLineInTheLogGroup()
    {
        var refusing = ScriptedEndpoint.Refusing();
        var (result, log) = Invoke("FrontendBackendDns", refusing, "none");
        Assert.Equal("error", result.Kind);
        Assert.Matches($@"ecs-discovery canary: invocation req-1 failed after \d+\.\d s: CloudMapException: .*127\.0\.0\.1:{refusing.Port}", log);
    }

    [Theory]
    [InlineData("IN_PROGRESS", true)]
    [InlineData("COMPLETED", false)]
    public void FourBackendTasksOfTwo_PassWhileEcsDeploys_AndFailInSteadyStateWithTheCauseInTheLog(string rollout, bool passes)
    {
        Deploy();
        using var raw = new RawCloudMap(moto.Endpoint);
        var first = raw.Instances("backend")[0]!["Attributes"]!.AsObject();
        for (var i = 3; i <= 4; i++)
        {
            var attributes = (JsonObject)first.DeepClone();
            attributes["AWS_INSTANCE_IPV4"] = $"10.0.9.{i}";
            raw.Call("RegisterInstance", new JsonObject { ["ServiceId"] = raw.ServiceId("backend"), ["InstanceId"] = $"new-task-{i}", ["Attributes"] = attributes });
        }

        var registry = raw.ServiceId("backend");
        var deployments = rollout == "IN_PROGRESS"
            ? """{ "id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "IN_PROGRESS", "desiredCount": 2, "runningCount": 2 }, { "id": "ecs-svc/1", "status": "ACTIVE", "rolloutState": "COMPLETED", "desiredCount": 2, "runningCount": 2 }"""
            : """{ "id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "COMPLETED", "desiredCount": 2, "runningCount": 4 }""";
        using var ecs = new ScriptedEndpoint(request => (200, request.Target[(request.Target.LastIndexOf('.') + 1)..] switch
        {
            "DescribeServices" => $$"""{ "services": [{ "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/network/backend", "serviceName": "backend", "status": "ACTIVE", "desiredCount": 2, "runningCount": 4, "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 200 }, "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/{{registry}}" }], "deployments": [{{deployments}}] }], "failures": [] }""",
            "DescribeTasks" => new JsonObject { ["tasks"] = new JsonArray([.. JsonNode.Parse(request.Body)!["tasks"]!.AsArray().Select(id => (JsonNode)new JsonObject { ["taskArn"] = $"arn:aws:ecs:us-east-1:123456789012:task/network/{id}", ["lastStatus"] = "RUNNING" })]) }.ToJsonString(),
            _ => """{ "serviceDeployments": [] }""",
        }, TimeSpan.Zero));

        var (result, log) = Invoke("FrontendBackendDns", moto.Endpoint, "none", ecs.Endpoint);
        Assert.True(JsonNode.Parse(result.Body)!["passed"]!.GetValue<bool>() == passes, result.Body + log);
        var report = log.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("{", StringComparison.Ordinal) && !l.StartsWith("{\"_aws\"", StringComparison.Ordinal));
        var count = JsonNode.Parse(report)!["results"]!.AsArray().Single(r => r!["check"]!.GetValue<string>() == "instance-count" && r["target"]!.GetValue<string>() == "apps.example.com/backend")!;
        if (passes)
        {
            Assert.Contains("deployment in progress", count["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("ECS service ", count["cause"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("/backend (ACTIVE): 4 of 2 running", count["cause"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ABadEcsEndpointSetting_IsAnInitError()
    {
        using var runtime = LoopbackPorts.Bind(port => new LocalLambdaRuntime(port));
        var (exit, output) = Bootstrap(new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtime.Port}",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_ECS"] = "ftp://ecs.example.com/",
            ["ECS_DISCOVERY_STACK"] = "FrontendBackendDns",
        });
        Assert.Equal((2, "ecs-discovery canary: the ECS endpoint 'ftp://ecs.example.com/' is not an http(s) URL without a user name"), (exit, output.Trim()));
    }

    public static TheoryData<string, string, string> Faults => new()
    {
        { "deregister", "internal.example.com/orders", "instance-count" },
        { "unhealthy", "internal.example.com/orders", "instance-health" },
        { "delete-service", "internal.example.com/orders", "service-exists" },
        { "ttl", "internal.example.com/orders", "dns-records" },
        { "routing", "internal.example.com/orders", "service-id" },
        { "routing", "internal.example.com/orders", "routing-policy" },
        { "delete-namespace", "internal.example.com", "namespace-exists" },
        { "recreate-namespace", "internal.example.com", "namespace-id" },
    };

    /// <summary>
    /// The registry faults of the verifier's end-to-end tests, made by another client after the deployment, against the
    /// ECommerce stack as deployed (its template and the ids local-deploy created, as CloudFormation reports them).
    /// </summary>
    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RegistryFaults_AreFailuresWithTheirDimensions(string fault, string target, string check)
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "ECommerce").Exit);
        using var raw = new RawCloudMap(moto.Endpoint);
        // CloudFormation keeps the ids it deployed: a namespace or service re-created by hand afterwards is a replacement.
        using var peer = Peer("ECommerce");
        await peer.FreezeDeployedIdsAsync(CancellationToken.None);
        Cli.Tests.RegistryFaults.Apply(raw, fault);

        var (result, log) = Invoke("ECommerce", moto.Endpoint, "none", peer: peer);
        Assert.Equal("response", result.Kind);
        Assert.False(JsonNode.Parse(result.Body)!["passed"]!.GetValue<bool>(), result.Body);
        var line = Emf(log).Single(m => m["Target"]?.GetValue<string>() == target);
        Assert.Equal("ECommerce", line["Stack"]!.GetValue<string>());
        Assert.True(line["ChecksFailed"]!.GetValue<int>() >= 1, line.ToJsonString());
        var report = log.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("{", StringComparison.Ordinal) && !l.StartsWith("{\"_aws\"", StringComparison.Ordinal));
        var failed = JsonNode.Parse(report)!["results"]!.AsArray().Where(r => r!["status"]!.GetValue<string>() == "fail").Select(r => (r!["check"]!.GetValue<string>(), r["target"]!.GetValue<string>())).ToList();
        Assert.Contains((check, target), failed);
    }

    public void Dispose() => Directory.Delete(assembly, recursive: true);

    private void Deploy() => Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns").Exit);

    /// <summary>A local ECS and CloudFormation peer for <paramref name="stack"/> of the example assembly, over moto.</summary>
    private LocalEcsPeer Peer(string stack)
    {
        var client = Client(moto.Endpoint);
        return LoopbackPorts.Bind(port => new LocalEcsPeer(client, CloudAssemblyReader.Read(assembly, [stack]).Stacks, "us-east-1", port));
    }

    private static CloudMapClient Client(Uri endpoint) => new(new CloudMapClientOptions { Region = "us-east-1", Credentials = RawCloudMap.Credentials, EndpointUrl = endpoint });

    /// <summary>
    /// Runs the bootstrap for one invocation of the canary of <paramref name="stack"/> and returns what it posted back and
    /// what it logged; CloudFormation (and ECS, unless <paramref name="ecsEndpoint"/>) is <paramref name="peer"/>, or a
    /// local peer of the example stack (every stack of the assembly, so a stack not in it is not deployed).
    /// </summary>
    private ((string Kind, string Body) Result, string Log) Invoke(string stack, Uri endpoint, string resolver, Uri? ecsEndpoint = null, LocalEcsPeer? peer = null)
    {
        using var own = peer is null ? LoopbackPorts.Bind(port => new LocalEcsPeer(Client(moto.Endpoint), CloudAssemblyReader.Read(assembly).Stacks, "us-east-1", port)) : null;
        var cloud = peer ?? own!;
        using var runtime = LoopbackPorts.Bind(port => new LocalLambdaRuntime(port));
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{runtime.Port}",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "testing",
            ["AWS_SECRET_ACCESS_KEY"] = "testing",
            ["AWS_ENDPOINT_URL_SERVICEDISCOVERY"] = endpoint.ToString(),
            ["AWS_ENDPOINT_URL_CLOUDFORMATION"] = cloud.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_ECS"] = (ecsEndpoint ?? cloud.Endpoint).ToString(),
            ["ECS_DISCOVERY_STACK"] = stack,
            ["ECS_DISCOVERY_DNS_RESOLVER"] = resolver,
            ["ECS_DISCOVERY_MAX_INVOCATIONS"] = "1",
        };

        var (exit, output) = Bootstrap(environment);
        Assert.True(exit == 0, output);
        Assert.True(runtime.Results.TryDequeue(out var result), $"the bootstrap reported nothing:\n{output}");
        return (result, output);
    }

    /// <summary>Runs the canary's bootstrap (the packaged one when the build made it) with <paramref name="environment"/>.</summary>
    private static (int Exit, string Output) Bootstrap(Dictionary<string, string> environment)
        => PackagedBootstrap.Path is { } packaged
            ? ProcessRun.Run(packaged, RepoRoot.Path, TimeSpan.FromSeconds(90), environment)
            : ProcessRun.Run("dotnet", RepoRoot.Path, TimeSpan.FromSeconds(90), environment, PackagedBootstrap.FrameworkDependent);

    private static List<JsonNode> Emf(string log)
        => [.. log.Split('\n').Where(l => l.StartsWith("{\"_aws\"", StringComparison.Ordinal)).Select(l => JsonNode.Parse(l)!)];
}
