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
        Assert.Matches(@"\(\d+ API requests: \d+ Cloud Map, 2 ECS, \d+ CloudFormation\)", output);
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
}
