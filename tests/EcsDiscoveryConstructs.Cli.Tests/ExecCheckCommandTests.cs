using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// <c>exec-check</c> end to end against a scripted endpoint answering ECS (JSON 1.1) and IAM (Query) in AWS's shapes: a
/// ready task exits 0, a stopped agent exits 1 naming its container in table and JSON, bad arguments and unreadable ECS exit 2.
/// </summary>
public sealed class ExecCheckCommandTests
{
    private const string TaskId = "0123456789abcdef0123456789abcdef";

    private static ScriptedEndpoint Ecs(string envoyAgent) => new(request =>
    {
        var operation = request.Target[(request.Target.LastIndexOf('.') + 1)..];
        var body = operation switch
        {
            "DescribeClusters" => """{ "clusters": [{ "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/shop", "clusterName": "shop", "status": "ACTIVE", "configuration": { "executeCommandConfiguration": { "logging": "DEFAULT" } } }], "failures": [] }""",
            "ListTasks" => $$"""{ "taskArns": ["arn:aws:ecs:us-east-1:123456789012:task/shop/{{TaskId}}"] }""",
            "DescribeTasks" => $$"""
                { "tasks": [{ "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/shop/{{TaskId}}", "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7",
                  "lastStatus": "RUNNING", "desiredStatus": "RUNNING", "launchType": "FARGATE", "platformVersion": "1.4.0", "enableExecuteCommand": true,
                  "containers": [{ "name": "app", "lastStatus": "RUNNING", "managedAgents": [{ "name": "ExecuteCommandAgent", "lastStatus": "RUNNING" }] },
                                 { "name": "envoy", "lastStatus": "RUNNING", "managedAgents": [{ "name": "ExecuteCommandAgent", "lastStatus": "{{envoyAgent}}" }] }] }], "failures": [] }
                """,
            "DescribeTaskDefinition" => """{ "taskDefinition": { "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7", "family": "orders", "revision": 7, "taskRoleArn": "arn:aws:iam::123456789012:role/orders-task", "containerDefinitions": [] } }""",
            _ when request.Body.Contains("Action=SimulatePrincipalPolicy", StringComparison.Ordinal) => Simulated(request.Body),
            _ => """{ "__type": "UnknownOperationException" }""",
        };
        return (body.StartsWith("{ \"__type\"", StringComparison.Ordinal) ? 400 : 200, body, TimeSpan.Zero);
    });

    /// <summary>IAM's answer: every asked action allowed.</summary>
    private static string Simulated(string form)
    {
        var actions = form.Split('&').Where(p => p.StartsWith("ActionNames.member.", StringComparison.Ordinal)).Select(p => Uri.UnescapeDataString(p[(p.IndexOf('=') + 1)..]));
        var members = string.Concat(actions.Select(a => $"<member><EvalActionName>{a}</EvalActionName><EvalDecision>allowed</EvalDecision></member>"));
        return $"<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>{members}</EvaluationResults></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>";
    }

    private static (int Exit, string Output, string Error) Run(ScriptedEndpoint endpoint, params string[] more)
        => CliRun.Run(["exec-check", "--cluster", "shop", "--region", "us-east-1", "--endpoint-url", endpoint.Endpoint.ToString(), .. more]);

    [Fact]
    public void AReadyService_Exits0()
    {
        using var endpoint = Ecs("RUNNING");
        var (exit, output, error) = Run(endpoint, "--service", "orders");
        Assert.True(exit == 0, output + error);
        Assert.Matches(@"PASS +shop +exec-task-role +orders:7 +arn:aws:iam::123456789012:role/orders-task may ssmmessages:CreateControlChannel", output);
        Assert.Matches(@"^ecs-discovery exec-check: 6 passed, 0 failed, 0 warnings, 0 skipped \(\d+ API requests\)\n$", error);
    }

    [Fact]
    public void AStoppedAgent_Exits1_NamingItsContainer_InTableAndJson()
    {
        using var endpoint = Ecs("STOPPED");
        var (exit, output, _) = Run(endpoint, "--task", TaskId);
        Assert.Equal(1, exit);
        Assert.Matches($@"FAIL +shop +exec-agent +{TaskId}/envoy +container envoy of task {TaskId}: ExecuteCommandAgent STOPPED", output);

        var (jsonExit, json, _) = Run(endpoint, "--task", TaskId, "--output", "json");
        Assert.Equal(1, jsonExit);
        var failed = JsonNode.Parse(json)!["results"]!.AsArray().Single(r => r!["status"]!.GetValue<string>() == "fail")!;
        Assert.Equal(("exec-agent", $"{TaskId}/envoy"), (failed["check"]!.GetValue<string>(), failed["target"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--service orders --task t")]
    public void NeitherOrBothOfServiceAndTask_Exit2(string more)
    {
        var (exit, _, error) = CliRun.Run(["exec-check", "--cluster", "shop", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9/", .. more.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.Equal((2, "ecs-discovery exec-check: pass exactly one of --service and --task\n"), (exit, error));
    }

    [Fact]
    public void RefusedCredentials_Exit2SayingSo()
    {
        using var endpoint = new ScriptedEndpoint((_, _) => (400, """{ "__type": "UnrecognizedClientException", "message": "The security token included in the request is invalid." }""", TimeSpan.Zero));
        var (exit, _, error) = Run(endpoint, "--service", "orders");
        Assert.Equal((2, "ecs-discovery exec-check: the credentials were refused: DescribeClusters failed: UnrecognizedClientException: The security token included in the request is invalid.\n"), (exit, error));
    }
}
