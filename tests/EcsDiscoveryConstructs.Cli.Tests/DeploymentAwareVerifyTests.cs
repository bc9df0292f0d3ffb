using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Cli.Tests.Fuzz;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// The issue's measured case, end to end: FrontendBackendDns's backend (desired 2, the template's 100/200 %) with 4 tasks
/// registered, as during a rolling deployment. Cloud Map answers come from moto; ECS's DescribeServices from a script in
/// front of it (moto's ECS knows none of these services), on the one <c>--endpoint-url</c>.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class DeploymentAwareVerifyTests : IDisposable
{
    private readonly MotoServer moto;
    private readonly RawCloudMap raw;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public DeploymentAwareVerifyTests(MotoServer moto)
    {
        this.moto = moto;
        moto.Reset();
        raw = new RawCloudMap(moto.Endpoint);
    }

    public void Dispose() => raw.Dispose();

    private static string Backend(string rollouts) => $$"""
        { "services": [{ "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/network/backend", "serviceName": "backend", "status": "ACTIVE",
          "desiredCount": 2, "runningCount": 4, "pendingCount": 0, "deploymentConfiguration": { "minimumHealthyPercent": 100, "maximumPercent": 200 },
          "deployments": [{{rollouts}}] }], "failures": [] }
        """;

    private (int Exit, string Output) VerifyWithFourBackendTasks(string describeServices)
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns").Exit);
        var first = raw.Instances("backend")[0]!["Attributes"]!.AsObject();
        var backend = raw.ServiceId("backend");
        for (var i = 3; i <= 4; i++)
        {
            var attributes = (JsonObject)first.DeepClone();
            attributes["AWS_INSTANCE_IPV4"] = $"10.0.9.{i}";
            raw.Call("RegisterInstance", new JsonObject { ["ServiceId"] = backend, ["InstanceId"] = $"new-task-{i}", ["Attributes"] = attributes });
        }

        // ECS as AWS answers it: the service, and every task asked about RUNNING (the instances' ids are task ids).
        using var proxy = new MutatingProxy(moto.Endpoint)
        {
            Reply = (operation, body) => operation switch
            {
                "DescribeServices" => (200, describeServices),
                "DescribeTasks" => (200, new JsonObject
                {
                    ["tasks"] = new JsonArray([.. JsonNode.Parse(body)!["tasks"]!.AsArray().Select(id => (JsonNode)new JsonObject { ["taskArn"] = $"arn:aws:ecs:us-east-1:123456789012:task/network/{id}", ["lastStatus"] = "RUNNING", ["desiredStatus"] = "RUNNING" })]),
                    ["failures"] = new JsonArray(),
                }.ToJsonString()),
                _ => null,
            },
        };
        var (exit, output, error) = CliRun.Run("verify", "--assembly", assembly, "--endpoint-url", proxy.Endpoint.ToString(), "--stack", "FrontendBackendDns");
        return (exit, output + error);
    }

    [Fact]
    public void FourTasksOfTwoDuringARollingDeployment_Exit0_SayingADeploymentIsInProgress()
    {
        var (exit, output) = VerifyWithFourBackendTasks(Backend("""
            { "id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "IN_PROGRESS", "desiredCount": 2, "runningCount": 2, "pendingCount": 0, "failedTasks": 0 },
            { "id": "ecs-svc/1", "status": "ACTIVE", "rolloutState": "COMPLETED", "desiredCount": 2, "runningCount": 2, "pendingCount": 0, "failedTasks": 0 }
            """));
        Assert.True(exit == 0, output);
        Assert.Matches(@"PASS +FrontendBackendDns +instance-count +apps\.example\.com/backend +4 instances \(expected 2-4, deployment in progress: backend: deployment ecs-svc/2 in progress", output);
        Assert.Matches(@"PASS +FrontendBackendDns +stale-instances +apps\.example\.com/backend +the 2 ECS-registered instances are tasks ECS runs", output);
        Assert.Matches(@"\(\d+ API requests: \d+ Cloud Map, [1-9]\d* ECS, \d+ CloudFormation\)", output);
    }

    [Fact]
    public void FourTasksOfTwoInSteadyState_Exit1()
    {
        var (exit, output) = VerifyWithFourBackendTasks(Backend("""
            { "id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "COMPLETED", "desiredCount": 2, "runningCount": 4, "pendingCount": 0, "failedTasks": 0 }
            """));
        Assert.Equal(1, exit);
        Assert.Matches(@"FAIL +FrontendBackendDns +instance-count +apps\.example\.com/backend +4 instances, expected 2\n +cause: ECS service [^/]+/backend \(ACTIVE\): 4 of 2 running, 0 pending; deployments: ecs-svc/2 PRIMARY COMPLETED 4/2 running, 0 failed\n", output);
    }

    [Fact]
    public void TasksThatStopWithCannotPullContainerError_FailWithThatReason_InTableAndJson()
    {
        Assert.Equal(0, CliRun.Run("local-deploy", "--assembly", assembly, "--endpoint-url", moto.Endpoint.ToString(), "--stack", "FrontendBackendDns").Exit);
        var backend = raw.ServiceId("backend");
        foreach (var instance in raw.Instances("backend"))
        {
            raw.Call("DeregisterInstance", new JsonObject { ["ServiceId"] = backend, ["InstanceId"] = instance!["Id"]!.GetValue<string>() });
        }

        const string Reason = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ghcr.io/shop/backend:v9: not found";
        using var proxy = new MutatingProxy(moto.Endpoint)
        {
            Reply = (operation, form) => operation switch
            {
                "DescribeServices" => (200, Backend("""{ "id": "ecs-svc/9", "status": "PRIMARY", "rolloutState": "IN_PROGRESS", "desiredCount": 2, "runningCount": 0, "pendingCount": 0, "failedTasks": 6 }""").Replace("\"runningCount\": 4", "\"runningCount\": 0", StringComparison.Ordinal)),
                "ListTasks" => (200, """{ "taskArns": ["arn:aws:ecs:us-east-1:123456789012:task/network/0123456789abcdef0123456789abcdef"] }"""),
                "DescribeTasks" => (200, $$"""
                    { "tasks": [{ "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/network/0123456789abcdef0123456789abcdef", "lastStatus": "STOPPED", "desiredStatus": "STOPPED",
                      "stopCode": "TaskFailedToStart", "stoppedReason": "{{Reason}}", "stoppedAt": 1765000000,
                      "containers": [{ "name": "app", "lastStatus": "STOPPED", "reason": "{{Reason}}" }] }], "failures": [] }
                    """),
                "ListServiceDeployments" => (200, """{ "serviceDeployments": [] }"""),
                // The deployed stack names what the template leaves to CloudFormation: without it, no instance names the cluster.
                _ when form.Contains("Action=ListStackResources", StringComparison.Ordinal) => (200, StackResources()),
                _ => null,
            },
        };
        string[] Verify(string output) => ["verify", "--assembly", assembly, "--endpoint-url", proxy.Endpoint.ToString(), "--stack", "FrontendBackendDns", "--output", output];

        var (exit, table, error) = CliRun.Run(Verify("table"));
        Assert.True(exit == 1, table + error);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(table, @"FAIL +FrontendBackendDns +instance-count +apps\.example\.com/backend +0 instances, expected 2-4 while deploying[^\n]*\n +cause: ECS service [^\n]*stopped tasks: 0123456789abcdef0123456789abcdef \(TaskFailedToStart: CannotPullContainerError: pull image manifest"), table + error);

        var (jsonExit, json, _) = CliRun.Run(Verify("json"));
        Assert.Equal(1, jsonExit);
        var count = JsonNode.Parse(json)!["results"]!.AsArray().Single(r => r!["check"]!.GetValue<string>() == "instance-count" && r["target"]!.GetValue<string>() == "apps.example.com/backend")!;
        Assert.Contains(Reason, count["cause"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>ListStackResources as CloudFormation answers it for the deployed FrontendBackendDns: the cluster is <c>network</c>.</summary>
    private static string StackResources()
    {
        var stack = Verifier.Assembly.TemplateTopologyReader.Read("FrontendBackendDns", File.ReadAllText(RepoRoot.ExampleTemplate("FrontendBackendDns")));
        var backend = stack.EcsServices.Single(e => e.Name.Literal == "backend");
        string Member(string logical, string physical, string type) => $"<member><LogicalResourceId>{logical}</LogicalResourceId><PhysicalResourceId>{physical}</PhysicalResourceId><ResourceType>{type}</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>";
        return "<ListStackResourcesResponse><ListStackResourcesResult><StackResourceSummaries>"
            + Member(backend.ClusterLogicalId!, "network", "AWS::ECS::Cluster")
            + Member(backend.LogicalId, "arn:aws:ecs:us-east-1:123456789012:service/network/backend", "AWS::ECS::Service")
            + "</StackResourceSummaries></ListStackResourcesResult></ListStackResourcesResponse>";
    }
}
