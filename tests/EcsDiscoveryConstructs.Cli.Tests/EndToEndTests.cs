using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// The product's own local-deploy fills moto; a separate raw client makes the faults; verify must exit 1 naming
/// each, and 0 on a clean registry; --destroy leaves the peer empty.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class EndToEndTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly RawCloudMap raw;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public EndToEndTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
        raw = new RawCloudMap(moto.Endpoint);
    }


    private (int Exit, string Output, string Error) Cli(string command, string? stack, params string[] more)
        => CliRun.Run([command, "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), .. stack is null ? Array.Empty<string>() : ["--stack", stack], .. command == "verify" ? NoEcs : [], .. more]);

    /// <summary>The local Cloud Map peer (moto) has no ECS that ran the tasks local-deploy registers: verify does not read it.</summary>
    private static readonly string[] NoEcs = ["--no-ecs"];

    private void Deploy(string? stack = null) => Assert.Equal(0, Cli("local-deploy", stack).Exit);

    [Theory]
    [InlineData("FrontendBackendDns")]
    [InlineData("HttpApiDiscovery")]
    [InlineData("ServiceConnect")]
    [InlineData("ECommerce")]
    [InlineData("PublicApi")]
    [InlineData("CopilotLayout")]
    [InlineData("AppMeshLayout")]
    public void LocalDeploy_ThenVerify_Exits0(string stack)
    {
        var (deployExit, deployOutput, _) = Cli("local-deploy", stack);
        Assert.Equal(0, deployExit);
        Assert.StartsWith("local-deploy: created", deployOutput, StringComparison.Ordinal);
        var (exit, output, error) = Cli("verify", stack, "--strict");
        Assert.True(exit == 0, output + error);
    }

    [Fact]
    public void LocalDeploy_IsIdempotent()
    {
        Deploy();
        Assert.Equal("local-deploy: created 0 namespaces, 0 services, 0 instances (AppMeshLayout, CopilotLayout, ECommerce, FrontendBackendDns, HttpApiDiscovery, PublicApi, ServiceConnect)\n", Cli("local-deploy", null).Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, Cli("verify", null, "--strict").Exit);
    }

    [Fact]
    public void LocalDeploy_RegistersWhatEcsWould()
    {
        Deploy("ECommerce");
        var instances = raw.Instances("inventory");
        Assert.Equal(10, instances.Count);
        var attributes = instances[0]!["Attributes"]!.AsObject();
        Assert.Equal(["AVAILABILITY_ZONE", "AWS_INIT_HEALTH_STATUS", "AWS_INSTANCE_IPV4", "ECS_CLUSTER_NAME", "ECS_SERVICE_NAME", "ECS_TASK_DEFINITION_FAMILY", "REGION"], attributes.Select(a => a.Key).Order());
        Assert.StartsWith("10.0.", attributes["AWS_INSTANCE_IPV4"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("inventory", attributes["ECS_SERVICE_NAME"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", instances[0]!["Id"]!.GetValue<string>());
        var scInstance = raw.Instances("payments-sc")[0]!["Attributes"]!;
        Assert.Equal("80", scInstance["AWS_INSTANCE_PORT"]!.GetValue<string>());
    }

    [Fact]
    public void LocalDeploy_RegistersTemplateInstancesWithTheirIdsAndAttributes()
    {
        // PublicApi's DiscoveryService.AddLoadBalancer: the template's instance id; the DNS name CloudFormation would
        // compute from the load balancer becomes a local stand-in.
        Deploy("PublicApi");
        var instance = Assert.Single(raw.Instances("api"));
        Assert.Equal("PublicApiPublicNameAlbCFBB5C86", instance!["Id"]!.GetValue<string>());
        Assert.Equal(["AWS_ALIAS_DNS_NAME"], instance["Attributes"]!.AsObject().Select(a => a.Key));
        Assert.Equal("publicnamealbe5c8993d.elb.local.example", instance["Attributes"]!["AWS_ALIAS_DNS_NAME"]!.GetValue<string>());
    }

    public static TheoryData<string, string> Faults() => new()
    {
        { "deregister", "FAIL +ECommerce +instance-count +internal.example.com/orders +1 instances, expected 2" },
        { "unhealthy", "FAIL +ECommerce +instance-health +internal.example.com/orders +instances not HEALTHY: [0-9a-f]{32} UNHEALTHY" },
        { "delete-service", "FAIL +ECommerce +service-exists +internal.example.com/orders +service 'orders' does not exist in namespace 'internal.example.com'" },
        { "ttl", "FAIL +ECommerce +dns-records +internal.example.com/orders +records are \\[A 60s\\], expected \\[A 5s\\]" },
        { "routing", "FAIL +ECommerce +routing-policy +internal.example.com/orders +routing policy is WEIGHTED, expected MULTIVALUE" },
        { "delete-namespace", "FAIL +ECommerce +namespace-exists +internal.example.com +namespace 'internal.example.com' \\(DNS_PRIVATE\\) does not exist" },
        { "extra-service", "FAIL +ECommerce +unknown-services +internal.example.com +services the assembly does not declare: legacy" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void FaultByAnotherClient_Exits1NamingIt(string fault, string expected)
    {
        Deploy("ECommerce");
        RegistryFaults.Apply(raw, fault);

        var (exit, output, _) = Cli("verify", "ECommerce", "--strict");
        Assert.Equal(1, exit);
        Assert.Matches(expected, output);
    }

    [Fact]
    public void Destroy_LeavesThePeerEmpty()
    {
        var (deployExit, deployed, _) = Cli("local-deploy", null);
        var (exit, output, _) = Cli("local-deploy", null, "--destroy");
        Assert.Equal((0, 0), (deployExit, exit));

        // What was created is what is removed, counted the same way, for the same stacks.
        var created = System.Text.RegularExpressions.Regex.Match(deployed, @"^local-deploy: created (?<n>[0-9]+) namespaces, (?<s>[0-9]+) services, (?<i>[0-9]+) instances \((?<stacks>[^)]+)\)\n$");
        Assert.True(created.Success, deployed);
        Assert.Equal($"local-deploy --destroy: removed {created.Groups["i"]} instances, {created.Groups["s"]} services, {created.Groups["n"]} namespaces ({created.Groups["stacks"]})\n", output);
        Assert.Equal("AppMeshLayout, CopilotLayout, ECommerce, FrontendBackendDns, HttpApiDiscovery, PublicApi, ServiceConnect", created.Groups["stacks"].Value);
        Assert.Empty(raw.Namespaces());
        Assert.Empty(raw.Services());
    }

    [Fact]
    public void LocalDeploy_AgainstAPeerThatRefuses_Exits2WithItsReason()
    {
        using var endpoint = new ScriptedEndpoint((_, _) => (400, "{\"__type\":\"InvalidInput\",\"Message\":\"the peer says no\"}", TimeSpan.Zero));
        var (exit, output, error) = CliRun.Run("local-deploy", "--assembly", assembly, "--stack", "HttpApiDiscovery", "--endpoint-url", endpoint.Endpoint.ToString());
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Matches("^ecs-discovery local-deploy: [^\n]*InvalidInput[^\n]*the peer says no\n$", error);
    }

    [Fact]
    public void LocalDeploy_OfAnUnknownStack_Exits2NamingIt()
    {
        var (exit, _, error) = Cli("local-deploy", "NoSuchStack");
        Assert.Equal(2, exit);
        Assert.StartsWith("ecs-discovery local-deploy: ", error, StringComparison.Ordinal);
        Assert.Contains("NoSuchStack", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalDeploy_WithARegionOfTheWrongShape_Exits2NamingTheCommand()
    {
        var (exit, _, error) = Cli("local-deploy", "HttpApiDiscovery", "--region", "Nowhere");
        Assert.Equal((2, "ecs-discovery local-deploy: Region 'Nowhere' is not a Region name such as us-east-1 (lowercase letters and digits in dash-separated parts)\n"), (exit, error));
    }

    [Fact]
    public void LocalDeploy_WithoutEndpoint_Exits2()
    {
        var (exit, _, error) = CliRun.Run("local-deploy", "--assembly", assembly);
        Assert.Equal(2, exit);
        Assert.Contains("--endpoint-url is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_StartsItsOwnPeerDeploysAndVerifies()
    {
        var (exit, output, error) = CliRun.Run("demo", "--assembly", assembly);
        Assert.True(exit == 0, output + error);
        Assert.Contains("demo: started moto_server at http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("demo: verify passed", output, StringComparison.Ordinal);
        // The DNS checks ran through the local DNS peer and passed, SRV included (CopilotLayout's A+SRV service).
        Assert.Contains("demo: local DNS peer answering on 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Matches(@"PASS +CopilotLayout +dns-srv +test\.shop\.local/api", output);
        Assert.Matches(@"PASS +ECommerce +dns-answers +internal\.example\.com/orders", output);
        Assert.DoesNotMatch(@"FAIL +\S+ +dns-", output);
        // ECS and the deployed names come from the local ECS and CloudFormation peer.
        Assert.Contains("demo: local ECS peer answering on http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Matches(@"PASS +ECommerce +ecs-service +internal\.example\.com/orders +ECS service ECommerce-NetworkCluster17B54D11/orders ACTIVE", output);
        Assert.Matches(@"PASS +ECommerce +stale-instances +internal\.example\.com/orders", output);
        Assert.Matches(@"PASS +ECommerce +service-id +internal\.example\.com/orders", output);
        // A rolling deployment passes saying so; a crash loop fails with ECS's reason.
        Assert.Matches(@"demo: rolling deployment of \S+: PASS instance-count \S+: 4 instances \(expected 2-4, deployment in progress", output);
        Assert.Matches(@"demo: crash-looping \S+: FAIL instance-count \S+: 0 instances", output);
        Assert.Matches(@"demo:   cause: ECS service .*stopped tasks: 3 tasks \(TaskFailedToStart: CannotPullContainerError: ", output);
        Assert.Matches(@"demo: verify passed \([0-9]+ Cloud Map, [0-9]+ ECS, [0-9]+ CloudFormation API requests\); deployment scenarios judged as expected; canary (passed|skipped)", output);
        if (PackagedBootstrap.Path is not null)
        {
            // The canary's packaged bootstrap, run once against the same peers, reading its deployed stack.
            Assert.Matches(@"demo: canary \(packaged bootstrap, one scheduled run\) for ECommerce: [1-9][0-9]* passed, 0 failed, 0 skipped, read from its deployed stack", output);
        }
        Assert.EndsWith("demo: stopped moto_server\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(assembly, "topology.md")));

        // The peer it started is stopped: nothing answers on its port any more.
        var port = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"started moto_server at http://127\.0\.0\.1:(?<port>[0-9]+)/").Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var probe = new System.Net.Sockets.TcpClient();
        Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => probe.Connect(System.Net.IPAddress.Loopback, port));
    }

    [Fact]
    public void Demo_AgainstAPeerHoldingAServiceNoStackDeclares_Exits1()
    {
        Deploy("HttpApiDiscovery");
        raw.Call("CreateService", new System.Text.Json.Nodes.JsonObject { ["Name"] = "stray", ["NamespaceId"] = raw.NamespaceId("shop-api") });
        var (exit, output, error) = CliRun.Run("demo", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString());
        Assert.True(exit == 1, output + error);
        Assert.Matches(@"FAIL +HttpApiDiscovery +unknown-services +shop-api +services the assembly does not declare: stray", output);
        // The stray service is in another stack's namespace: the ECommerce canary, which does not check it, passes.
        Assert.Matches(@"demo: verify FAILED \([0-9]+ Cloud Map, [0-9]+ ECS, [0-9]+ CloudFormation API requests\); deployment scenarios judged as expected; canary (passed|skipped); topology \(Mermaid\) written to ", output);
        Assert.DoesNotContain("moto_server", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_WithoutMotoServer_SaysHowToInstallIt()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        try
        {
            Environment.SetEnvironmentVariable("PATH", "/nonexistent");
            var (exit, _, error) = CliRun.Run("demo", "--assembly", assembly);
            Assert.Equal(2, exit);
            Assert.Contains("moto_server is not installed; install the local Cloud Map peer with: pip install 'moto[server]'", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    public void Dispose()
    {
        raw.Dispose();
        Directory.Delete(assembly, recursive: true);
    }
}
