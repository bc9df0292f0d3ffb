using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.LocalPeers;
using EcsDiscoveryConstructs.Verifier.Tests.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.LocalPeer;

/// <summary>
/// The local ECS peer through the verifier's own ECS and CloudFormation readers over HTTP: the stacks' services with
/// the registered instances as RUNNING tasks, a rolling deployment and a crash loop as ECS shows them, MISSING and
/// ClusterNotFound as ECS answers them, and the physical ids a local deploy gives.
/// </summary>
public sealed class LocalEcsPeerTests : IDisposable
{
    private readonly FakeRegistry registry = new();
    private readonly LocalEcsPeer peer;
    private readonly EcsClient ecs;
    private readonly StackTopology stack;

    public LocalEcsPeerTests()
    {
        stack = TemplateTopologyReader.Read("FrontendBackendDns", File.ReadAllText(RepoRoot.ExampleTemplate("FrontendBackendDns")));
        var apps = registry.Namespace("apps.example.com", id: "ns-apps");
        var backend = registry.Service(apps, "backend", id: "srv-backend");
        registry.Instance(backend, "0123456789abcdef0123456789abcdef", "10.0.1.10", ecsService: "backend", ecsCluster: "FrontendBackendDns-NetworkCluster17B54D11");
        registry.Instance(backend, "fedcba9876543210fedcba9876543210", "10.0.1.11", ecsService: "backend", ecsCluster: "FrontendBackendDns-NetworkCluster17B54D11");
        peer = LoopbackPorts.Bind(port => new LocalEcsPeer(registry, [stack], "us-east-1", port));
        ecs = new EcsClient(Options());
    }

    private AwsClientOptions Options() => new() { Region = "us-east-1", Credentials = new BasicAWSCredentials("local", "local"), EndpointUrl = peer.Endpoint, MaxAttempts = 1 };

    public void Dispose()
    {
        ecs.Dispose();
        peer.Dispose();
    }

    [Fact]
    public async Task DescribeServices_CountsTheRegisteredInstancesAsRunningTasks_AndNamesTheRegistry()
    {
        var described = await ecs.DescribeServicesAsync("FrontendBackendDns-NetworkCluster17B54D11", ["backend", "nope"], CancellationToken.None);
        var backend = Assert.Single(described.Items);
        Assert.Equal(("ACTIVE", 2, 2, 100, 200), (backend.Status, backend.DesiredCount, backend.RunningCount, backend.MinimumHealthyPercent, backend.MaximumPercent));
        Assert.Equal("arn:aws:servicediscovery:us-east-1:000000000000:service/srv-backend", Assert.Single(backend.ServiceRegistries).RegistryArn);
        Assert.Equal(("COMPLETED", "MISSING"), (Assert.Single(backend.Deployments).RolloutState, Assert.Single(described.Failures).Reason));
        var tasks = await ecs.ListTasksAsync("FrontendBackendDns-NetworkCluster17B54D11", "backend", null, 100, CancellationToken.None);
        Assert.Equal(2, (await ecs.DescribeTasksAsync("FrontendBackendDns-NetworkCluster17B54D11", tasks, CancellationToken.None)).Items.Count(t => t.LastStatus == "RUNNING"));
    }

    [Fact]
    public async Task AClusterTheStacksDoNotHave_IsClusterNotFound()
    {
        var error = await Assert.ThrowsAsync<EcsException>(() => ecs.DescribeServicesAsync("other", ["backend"], CancellationToken.None));
        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    [Fact]
    public async Task ARollingDeployment_ShowsTwoRevisions_AndAServiceDeploymentInProgress()
    {
        peer.Deploying("FrontendBackendDns-NetworkCluster17B54D11", "backend");
        var backend = (await ecs.DescribeServicesAsync("FrontendBackendDns-NetworkCluster17B54D11", ["backend"], CancellationToken.None)).Items.Single();
        Assert.Equal(["PRIMARY IN_PROGRESS", "ACTIVE COMPLETED"], backend.Deployments.Select(d => $"{d.Status} {d.RolloutState}"));
        Assert.True(DeploymentWindow.Of(backend).InProgress);
        Assert.Equal("IN_PROGRESS", Assert.Single(await ecs.ListServiceDeploymentsAsync("FrontendBackendDns-NetworkCluster17B54D11", "backend", null, CancellationToken.None)).Status);
        peer.Steady("FrontendBackendDns-NetworkCluster17B54D11", "backend");
        Assert.Empty(await ecs.ListServiceDeploymentsAsync("FrontendBackendDns-NetworkCluster17B54D11", "backend", null, CancellationToken.None));
    }

    [Fact]
    public async Task ListServiceDeployments_AnswersFromTheScenario_WithoutReadingTheRegistry()
    {
        peer.Deploying("FrontendBackendDns-NetworkCluster17B54D11", "backend");
        registry.Calls.Clear();
        Assert.Single(await ecs.ListServiceDeploymentsAsync("FrontendBackendDns-NetworkCluster17B54D11", "backend", null, CancellationToken.None));
        Assert.Empty(registry.Calls);
    }

    [Fact]
    public async Task ACrashLoop_StopsTasksWithTheReason()
    {
        peer.CrashLooping("FrontendBackendDns-NetworkCluster17B54D11", "backend", "CannotPullContainerError: not found");
        var stopped = await ecs.ListTasksAsync("FrontendBackendDns-NetworkCluster17B54D11", "backend", "STOPPED", 100, CancellationToken.None);
        var tasks = (await ecs.DescribeTasksAsync("FrontendBackendDns-NetworkCluster17B54D11", stopped, CancellationToken.None)).Items;
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(("STOPPED", "TaskFailedToStart", "CannotPullContainerError: not found"), (t.LastStatus, t.StopCode, t.StoppedReason)));
    }

    [Fact]
    public async Task ListStackResources_GivesThePhysicalIdsOfALocalDeploy_AndUnknownStacksDoNotExist()
    {
        using var stacks = new CloudFormationClient(Options());
        var resources = (await stacks.ListStackResourcesAsync("FrontendBackendDns", CancellationToken.None)).ToDictionary(r => r.LogicalId, r => r.PhysicalId);
        Assert.Equal("ns-apps", resources[stack.Namespaces.Single().LogicalId]);
        Assert.Equal("srv-backend", resources[stack.CloudMapServices.Single().LogicalId]);
        Assert.Equal("FrontendBackendDns-NetworkCluster17B54D11", resources["NetworkCluster17B54D11"]);
        Assert.Equal("arn:aws:ecs:us-east-1:000000000000:service/FrontendBackendDns-NetworkCluster17B54D11/backend", resources[stack.EcsServices.Single(e => e.Name.Literal == "backend").LogicalId]);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => stacks.ListStackResourcesAsync("Nope", CancellationToken.None));
        Assert.True(error.IsMissingStack);
    }

    [Fact]
    public async Task DescribeStacksAndGetTemplate_AnswerTheAssemblysTemplate_SoItReadsBackAsTheSameTopology()
    {
        using var stacks = new CloudFormationClient(Options());
        var summary = await stacks.DescribeStackAsync("FrontendBackendDns", CancellationToken.None);
        Assert.Equal(("arn:aws:cloudformation:us-east-1:000000000000:stack/FrontendBackendDns/local", "CREATE_COMPLETE"), (summary.StackId, summary.Status));
        Assert.NotNull(summary.ChangedAt);
        var body = await stacks.GetTemplateAsync("FrontendBackendDns", CancellationToken.None);
        Assert.Equal(stack.TemplateBody, body);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(stack), System.Text.Json.JsonSerializer.Serialize(TemplateTopologyReader.Read(stack.Name, body)));
        Assert.True((await Assert.ThrowsAsync<CloudFormationException>(() => stacks.GetTemplateAsync("Nope", CancellationToken.None))).IsMissingStack);
    }

    [Fact]
    public async Task ABodyThatIsNotJson_IsASerializationException_InEcsJson()
    {
        var (status, type, json) = await PostAsync(peer.Endpoint, "DescribeServices", "{\"cluster\": ");
        Assert.Equal((400, "application/x-amz-json-1.1", "SerializationException"), (status, type, json["__type"]!.GetValue<string>()));
        Assert.Contains("request", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyBody_AsksTheDefaultCluster_WhichTheStacksDoNotHave()
    {
        var (status, _, json) = await PostAsync(peer.Endpoint, "ListTasks", "  ");
        Assert.Equal((400, "ClusterNotFoundException"), (status, json["__type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AFormWithoutATarget_IsCloudFormationsQueryProtocol_AnsweredInXml()
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent([new("Action", "DescribeStacks"), new("StackName", "FrontendBackendDns")]);
        using var response = await http.PostAsync(peer.Endpoint, form);
        Assert.Equal((HttpStatusCode.OK, "text/xml"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("<DescribeStacksResponse", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegistryThatFails_IsAServerException_NamingTheCloudMapPeer()
    {
        using var failing = LoopbackPorts.Bind(port => new LocalEcsPeer(new FailingRegistry(new CloudMapException("ListNamespaces", "ConnectionFailed", "connection refused")), [stack], "us-east-1", port));
        var (status, _, json) = await PostAsync(failing.Endpoint, "DescribeServices", "{\"cluster\":\"FrontendBackendDns-NetworkCluster17B54D11\",\"services\":[\"backend\"]}");
        Assert.Equal((500, "ServerException"), (status, json["__type"]!.GetValue<string>()));
        Assert.StartsWith("the Cloud Map peer cannot be read: ", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("connection refused", json["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnexpectedFailure_IsAnInternalFailure_NamingIt_NeverACallerLeftWaiting()
    {
        using var failing = LoopbackPorts.Bind(port => new LocalEcsPeer(new FailingRegistry(new NotSupportedException("no listing here")), [stack], "us-east-1", port));
        var (status, _, json) = await PostAsync(failing.Endpoint, "ListTasks", "{\"cluster\":\"FrontendBackendDns-NetworkCluster17B54D11\"}");
        Assert.Equal((500, "InternalFailure", "NotSupportedException: no listing here"), (status, json["__type"]!.GetValue<string>(), json["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task APortInUse_FailsToStart_AndTheFirstPeerStillAnswers()
    {
        Assert.Throws<HttpListenerException>(() => new LocalEcsPeer(registry, [stack], "us-east-1", peer.Endpoint.Port));
        Assert.Single((await ecs.DescribeServicesAsync("FrontendBackendDns-NetworkCluster17B54D11", ["backend"], CancellationToken.None)).Items);
    }

    [Fact]
    public async Task AStoppedPeer_NoLongerAnswers_AndFreesItsPort()
    {
        var port = peer.Endpoint.Port;
        peer.Dispose();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(peer.Endpoint, new StringContent("{}")));
        using var again = new LocalEcsPeer(registry, [stack], "us-east-1", port);
        Assert.Equal(port, again.Endpoint.Port);
    }

    private static async Task<(int Status, string? ContentType, JsonNode Json)> PostAsync(Uri endpoint, string operation, string body)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.Add("X-Amz-Target", $"AmazonEC2ContainerServiceV20141113.{operation}");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
