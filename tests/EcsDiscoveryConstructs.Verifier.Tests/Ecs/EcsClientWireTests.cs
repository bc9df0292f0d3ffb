using System.Net;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Tests.Ecs;

/// <summary>
/// The ECS JSON 1.1 protocol as the reader speaks it, over an in-process transport: each operation's target, body and
/// batching at the API's limits, how answers (and partial <c>failures</c>) become models, and what bad answers become.
/// </summary>
public sealed class EcsClientWireTests
{
    private static readonly Uri Local = new("http://127.0.0.1:4566/");

    private static EcsClient Client(ScriptedHandler handler, Uri? endpoint = null) => new(
        new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "ecs-wire-secret"),
            EndpointUrl = endpoint ?? Local,
            MaxAttempts = 3,
            BaseBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(2),
            MaxPages = 5,
        },
        handler);

    private static (HttpStatusCode, string) Ok(string body) => (HttpStatusCode.OK, body);

    [Fact]
    public async Task DescribeServices_SendsTenPerCall_AndReadsDeploymentsRegistriesEventsAndFailures()
    {
        var names = Enumerable.Range(0, 23).Select(i => $"svc-{i}").ToList();
        using var handler = new ScriptedHandler(sent =>
        {
            var asked = sent.Body["services"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var services = asked.Where(n => n != "svc-22").Select(n => $$"""
                { "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/shop/{{n}}", "serviceName": "{{n}}", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/shop",
                  "status": "ACTIVE", "desiredCount": 2, "runningCount": 4, "pendingCount": 0, "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/{{n}}:7",
                  "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 200, "strategy": "BLUE_GREEN", "bakeTimeInMinutes": 15 },
                  "serviceRegistries": [{ "registryArn": "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1", "containerName": "app", "containerPort": 8080 }],
                  "deployments": [
                    { "id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "IN_PROGRESS", "taskDefinition": "td:7", "desiredCount": 2, "runningCount": 2, "pendingCount": 0, "failedTasks": 0, "createdAt": 1765000000.5,
                      "serviceConnectConfiguration": { "enabled": true, "namespace": "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1" } },
                    { "id": "ecs-svc/1", "status": "ACTIVE", "rolloutState": "COMPLETED", "taskDefinition": "td:6", "desiredCount": 2, "runningCount": 2, "pendingCount": 0, "failedTasks": 1, "createdAt": 1764000000 }],
                  "events": [{ "createdAt": 1765000001, "message": "(service {{n}}) has started 2 tasks" }],
                  "enableExecuteCommand": true, "deploymentController": { "type": "ECS" } }
                """);
            var failures = asked.Contains("svc-22") ? """[{ "arn": "arn:aws:ecs:us-east-1:123456789012:service/shop/svc-22", "reason": "MISSING" }]""" : "[]";
            return Ok($$"""{ "services": [{{string.Join(",", services)}}], "failures": {{failures}} }""");
        });
        using var client = Client(handler);
        var described = await client.DescribeServicesAsync("shop", names, CancellationToken.None);
        Assert.Equal([10, 10, 3], handler.Sent.Select(s => s.Body["services"]!.AsArray().Count));
        Assert.All(handler.Sent, s => Assert.Equal(("DescribeServices", "AmazonEC2ContainerServiceV20141113.DescribeServices", "shop"), (s.Operation, s.Headers["x-amz-target"], s.Body["cluster"]!.GetValue<string>())));
        Assert.Equal(22, described.Items.Count);
        Assert.Equal([new EcsFailure("arn:aws:ecs:us-east-1:123456789012:service/shop/svc-22", "MISSING", null)], described.Failures);
        var first = described.Items[0];
        Assert.Equal(("svc-0", "ACTIVE", 2, 4, 100, 200, true, "ECS"), (first.Name, first.Status, first.DesiredCount, first.RunningCount, first.MinimumHealthyPercent, first.MaximumPercent, first.EnableExecuteCommand, first.DeploymentController));
        Assert.Equal("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1", first.ServiceConnectNamespace);
        Assert.Equal(("BLUE_GREEN", 15), (first.Strategy, first.BakeTimeInMinutes));
        Assert.Equal(new EcsServiceRegistry("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1", "app", 8080, null), Assert.Single(first.ServiceRegistries));
        Assert.Equal(["PRIMARY IN_PROGRESS td:7 failed 0", "ACTIVE COMPLETED td:6 failed 1"], first.Deployments.Select(d => $"{d.Status} {d.RolloutState} {d.TaskDefinition} failed {d.FailedTasks}"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_765_000_000_500), first.Deployments[0].CreatedAt);
        Assert.Equal("(service svc-0) has started 2 tasks", Assert.Single(first.Events).Message);
    }

    [Fact]
    public async Task ListTasks_StopsPagingAtTheLimit_AndReturnsNoMore()
    {
        using var handler = new ScriptedHandler(sent => Ok("""{ "taskArns": ["arn:t/1", "arn:t/2"], "nextToken": "more" }"""));
        using var client = Client(handler);
        Assert.Equal(["arn:t/1"], await client.ListTasksAsync("shop", "orders", "STOPPED", 1, CancellationToken.None));
        Assert.Equal(["arn:t/1", "arn:t/2"], await client.ListTasksAsync("shop", "orders", "STOPPED", 2, CancellationToken.None));
        Assert.Equal(2, handler.Sent.Count);
    }

    [Fact]
    public async Task ListTasks_FollowsNextToken_AskingAHundredAPage_AndDescribeTasksReadsWhyTasksStopped()
    {
        using var handler = new ScriptedHandler(sent => sent.Operation switch
        {
            "ListTasks" when sent.Body["nextToken"] is null => Ok("""{ "taskArns": ["arn:t/1", "arn:t/2"], "nextToken": "page-2" }"""),
            "ListTasks" => Ok("""{ "taskArns": ["arn:t/3"] }"""),
            _ => Ok("""
                { "tasks": [{ "taskArn": "arn:t/3", "taskDefinitionArn": "td:7", "lastStatus": "STOPPED", "desiredStatus": "STOPPED",
                  "stoppedReason": "Essential container in task exited", "stopCode": "EssentialContainerExited", "startedBy": "ecs-svc/2",
                  "platformVersion": "1.4.0", "enableExecuteCommand": true, "stoppedAt": 1765000100,
                  "attachments": [{ "type": "ElasticNetworkInterface", "details": [{ "name": "subnetId", "value": "subnet-1" }, { "name": "privateIPv4Address", "value": "10.0.1.5" }] }],
                  "containers": [{ "name": "app", "lastStatus": "STOPPED", "reason": "CannotPullContainerError: pull image manifest has been retried 5 time(s)", "exitCode": 1,
                    "managedAgents": [{ "name": "ExecuteCommandAgent", "lastStatus": "STOPPED" }] }] }],
                  "failures": [{ "arn": "arn:t/9", "reason": "MISSING" }] }
                """),
        });
        using var client = Client(handler);
        Assert.Equal(["arn:t/1", "arn:t/2", "arn:t/3"], await client.ListTasksAsync("shop", "orders", "STOPPED", int.MaxValue, CancellationToken.None));
        Assert.Equal(["{\"cluster\":\"shop\",\"maxResults\":100,\"serviceName\":\"orders\",\"desiredStatus\":\"STOPPED\"}", "{\"cluster\":\"shop\",\"maxResults\":100,\"serviceName\":\"orders\",\"desiredStatus\":\"STOPPED\",\"nextToken\":\"page-2\"}"], handler.Sent.Select(s => s.Body.ToJsonString()));
        var described = await client.DescribeTasksAsync("shop", ["arn:t/3", "arn:t/9"], CancellationToken.None);
        var task = Assert.Single(described.Items);
        Assert.Equal(("Essential container in task exited", "EssentialContainerExited", "10.0.1.5", "1.4.0", true), (task.StoppedReason, task.StopCode, task.PrivateIpv4Address, task.PlatformVersion, task.EnableExecuteCommand));
        var container = Assert.Single(task.Containers);
        Assert.StartsWith("CannotPullContainerError", container.Reason, StringComparison.Ordinal);
        Assert.Equal(new EcsManagedAgent("ExecuteCommandAgent", "STOPPED", null), Assert.Single(container.ManagedAgents));
        Assert.Equal("MISSING", Assert.Single(described.Failures).Reason);
    }

    [Fact]
    public async Task DescribeClusters_AsksForConfigurations_AndReadsTheExecConfiguration()
    {
        using var handler = new ScriptedHandler(sent => Ok("""
            { "clusters": [
                { "clusterArn": "arn:c/shop", "clusterName": "shop", "status": "ACTIVE", "configuration": { "executeCommandConfiguration": {
                  "kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/k-1", "logging": "OVERRIDE",
                  "logConfiguration": { "cloudWatchLogGroupName": "/ecs/exec", "cloudWatchEncryptionEnabled": true, "s3BucketName": "audit", "s3EncryptionEnabled": false } } } },
                { "clusterArn": "arn:c/plain", "clusterName": "plain", "status": "ACTIVE" }], "failures": [] }
            """));
        using var client = Client(handler);
        var clusters = (await client.DescribeClustersAsync(["shop", "plain"], CancellationToken.None)).Items;
        Assert.Equal("[\"CONFIGURATIONS\"]", handler.Sent[0].Body["include"]!.ToJsonString());
        Assert.Equal(new EcsExecConfiguration("arn:aws:kms:us-east-1:123456789012:key/k-1", "OVERRIDE", "/ecs/exec", true, "audit", false), clusters[0].ExecuteCommand);
        Assert.Null(clusters[1].ExecuteCommand);
    }

    [Fact]
    public async Task AnExecFlagThatIsNotABoolean_IsMalformed()
    {
        using var handler = new ScriptedHandler(sent => Ok("""{ "clusters": [{ "clusterArn": "arn:c/shop", "configuration": { "executeCommandConfiguration": { "logConfiguration": { "cloudWatchEncryptionEnabled": "yes" } } } }] }"""));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<EcsException>(() => client.DescribeClustersAsync(["shop"], CancellationToken.None));
        Assert.Equal("MalformedResponse", error.Code);
    }

    [Fact]
    public async Task DescribeTasks_SendsAHundredPerCall_AndDescribeClustersAHundred_ServiceDeploymentsTwenty()
    {
        using var handler = new ScriptedHandler(sent => Ok(sent.Operation switch
        {
            "DescribeTasks" => """{ "tasks": [], "failures": [] }""",
            "DescribeClusters" => """{ "clusters": [{ "clusterArn": "arn:c/shop", "clusterName": "shop", "status": "ACTIVE" }] }""",
            _ => """{ "serviceDeployments": [{ "serviceDeploymentArn": "arn:sd/1", "status": "ROLLBACK_SUCCESSFUL", "statusReason": "circuit breaker", "createdAt": 1765000000, "finishedAt": 1765000600 }] }""",
        }));
        using var client = Client(handler);
        _ = await client.DescribeTasksAsync("shop", [.. Enumerable.Range(0, 250).Select(i => $"arn:t/{i}")], CancellationToken.None);
        Assert.Equal(("shop", "ACTIVE"), ((await client.DescribeClustersAsync(["shop"], CancellationToken.None)).Items.Single() is var c ? (c.Name, c.Status) : default));
        var deployments = await client.DescribeServiceDeploymentsAsync([.. Enumerable.Range(0, 41).Select(i => $"arn:sd/{i}")], CancellationToken.None);
        Assert.Equal([100, 100, 50], handler.Sent.Where(s => s.Operation == "DescribeTasks").Select(s => s.Body["tasks"]!.AsArray().Count));
        Assert.Equal([20, 20, 1], handler.Sent.Where(s => s.Operation == "DescribeServiceDeployments").Select(s => s.Body["serviceDeploymentArns"]!.AsArray().Count));
        Assert.Equal(("ROLLBACK_SUCCESSFUL", "circuit breaker", TimeSpan.FromMinutes(10)), (deployments.Items[0].Status, deployments.Items[0].StatusReason, deployments.Items[0].FinishedAt - deployments.Items[0].CreatedAt));
    }

    [Fact]
    public async Task DescribeTaskDefinition_ReadsContainersAndPortMappings()
    {
        using var handler = new ScriptedHandler(_ => Ok("""
            { "taskDefinition": { "taskDefinitionArn": "arn:td/orders:7", "family": "orders", "revision": 7, "networkMode": "awsvpc",
              "containerDefinitions": [{ "name": "app", "portMappings": [{ "name": "http", "containerPort": 8080 }] }, { "name": "sidecar" }] } }
            """));
        using var client = Client(handler);
        var definition = await client.DescribeTaskDefinitionAsync("orders:7", CancellationToken.None);
        Assert.Equal(("orders", 7, "awsvpc"), (definition.Family, definition.Revision, definition.NetworkMode));
        Assert.Equal(["app http:8080", "sidecar "], definition.Containers.Select(c => $"{c.Name} {string.Join(",", c.PortMappings.Select(p => $"{p.Name}:{p.ContainerPort}"))}"));
    }

    [Fact]
    public async Task ListServiceDeployments_FollowsNextToken()
    {
        using var handler = new ScriptedHandler(sent => Ok(sent.Body["nextToken"] is null
            ? """{ "serviceDeployments": [{ "serviceDeploymentArn": "arn:sd/2", "status": "IN_PROGRESS" }], "nextToken": "t" }"""
            : """{ "serviceDeployments": [{ "serviceDeploymentArn": "arn:sd/1", "status": "SUCCESSFUL" }] }"""));
        using var client = Client(handler);
        Assert.Equal(["arn:sd/2 IN_PROGRESS", "arn:sd/1 SUCCESSFUL"], (await client.ListServiceDeploymentsAsync("shop", "orders", null, CancellationToken.None)).Select(d => $"{d.Arn} {d.Status}"));
        Assert.Equal("{\"cluster\":\"shop\",\"service\":\"orders\",\"maxResults\":100}", handler.Sent[0].Body.ToJsonString());
        await client.ListServiceDeploymentsAsync("shop", "orders", DateTimeOffset.FromUnixTimeSeconds(1_765_000_000), CancellationToken.None);
        Assert.Equal("{\"cluster\":\"shop\",\"service\":\"orders\",\"maxResults\":100,\"createdAt\":{\"after\":1765000000}}", handler.Sent[2].Body.ToJsonString());
    }

    [Fact]
    public async Task ThrottlingIsRetried_ClusterNotFoundIsATypedErrorNotRetried()
    {
        var calls = 0;
        using var handler = new ScriptedHandler(_ => ++calls == 1
            ? (HttpStatusCode.BadRequest, """{ "__type": "ThrottlingException", "message": "Rate exceeded" }""")
            : (HttpStatusCode.BadRequest, """{ "__type": "com.amazonaws.ecs#ClusterNotFoundException", "message": "Cluster not found." }"""));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<EcsException>(() => client.DescribeServicesAsync("gone", ["orders"], CancellationToken.None));
        Assert.Equal(("ClusterNotFoundException", true, false, 2), (error.Code, error.IsNotFound, error.IsTransient, calls));
        Assert.Equal("DescribeServices failed: ClusterNotFoundException: Cluster not found.", error.Message);
    }

    [Theory]
    [InlineData("""{ "services": {} }""", "services is an object, expected a list")]
    [InlineData("""{ "services": [{ "serviceName": "orders" }] }""", "serviceArn is missing, expected a non-empty string")]
    [InlineData("""{ "services": [{ "serviceArn": "arn:s", "desiredCount": 1.5 }] }""", "expected a whole number")]
    [InlineData("""{ "services": [{ "serviceArn": "arn:s", "desiredCount": "2" }] }""", "expected a whole number")]
    [InlineData("""{ "services": [{ "serviceArn": "arn:s", "events": [{ "createdAt": "yesterday" }] }] }""", "expected seconds since the epoch")]
    [InlineData("""{ "services": [], "failures": [7] }""", "failures[0] is a number, expected an object")]
    [InlineData("""[1, 2]""", "is not a JSON object")]
    public async Task AnswersOfAnotherShape_AreMalformedResponses_NamingWhatWasWrong(string answer, string expected)
    {
        using var handler = new ScriptedHandler(_ => Ok(answer));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<EcsException>(() => client.DescribeServicesAsync("shop", ["orders"], CancellationToken.None));
        Assert.Equal("MalformedResponse", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListingThatRepeatsItsToken_StopsAsAPaginationLoop()
    {
        using var handler = new ScriptedHandler(_ => Ok("""{ "taskArns": ["arn:t/1"], "nextToken": "same" }"""));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<EcsException>(() => client.ListTasksAsync("shop", null, null, int.MaxValue, CancellationToken.None));
        Assert.Equal(("PaginationLoop", "ListTasks failed: PaginationLoop: the endpoint returned the same nextToken twice"), (error.Code, error.Message));
    }

    [Fact]
    public void TheDefaultEndpoint_IsTheRegionsEcsEndpoint_SignedForEcs()
    {
        using var client = new EcsClient(new AwsClientOptions { Region = "cn-north-1", Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "x") });
        Assert.Equal(new Uri("https://ecs.cn-north-1.amazonaws.com.cn/"), client.Endpoint);
    }

    [Fact]
    public async Task Requests_AreSignedForTheEcsService()
    {
        using var handler = new ScriptedHandler(_ => Ok("""{ "clusters": [] }"""));
        using var client = Client(handler);
        _ = await client.DescribeClustersAsync(["shop"], CancellationToken.None);
        Assert.Contains("/us-east-1/ecs/aws4_request", handler.Sent[0].Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("application/x-amz-json-1.1", handler.Sent[0].Headers["content-type"]);
    }
}
