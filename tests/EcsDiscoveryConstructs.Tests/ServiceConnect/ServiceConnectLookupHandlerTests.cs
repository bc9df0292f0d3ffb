using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Tests.ServiceConnect;

/// <summary>
/// The lookup function's code as it ships (the library's embedded resource), run by node against a scripted ECS client
/// (a stand-in <c>@aws-sdk/client-ecs</c> module) and a local ResponseURL: what it answers CloudFormation in every case.
/// </summary>
public sealed class ServiceConnectLookupHandlerTests : IDisposable
{
    private const string ServiceArn = "arn:aws:ecs:us-east-1:123456789012:service/shop/orders";
    private readonly string folder = Directory.CreateTempSubdirectory("sc-lookup-").FullName;
    private readonly ConcurrentQueue<string> responses = new();
    private readonly ScriptedEndpoint cloudFormation;

    public ServiceConnectLookupHandlerTests()
    {
        cloudFormation = new ScriptedEndpoint(request =>
        {
            responses.Enqueue(request.Body);
            return (200, "{}", TimeSpan.Zero);
        });
        File.WriteAllText(Path.Combine(folder, "index.js"), EcsDiscoveryConstructs.ServiceConnect.ServiceConnectLookupFunction.Source);
        var fake = Directory.CreateDirectory(Path.Combine(folder, "node_modules", "@aws-sdk", "client-ecs")).FullName;
        File.WriteAllText(Path.Combine(fake, "index.js"), """
            const fs = require('fs');
            class DescribeServicesCommand { constructor(input) { this.input = input; } }
            class ECSClient {
              async send(command) {
                fs.writeFileSync(process.env.FAKE_CALL, JSON.stringify(command.input));
                if (process.env.FAKE_ERROR) { throw new Error(process.env.FAKE_ERROR); }
                return JSON.parse(fs.readFileSync(process.env.FAKE_ANSWER, 'utf8'));
              }
            }
            module.exports = { ECSClient, DescribeServicesCommand };
            """);
    }

    [Fact]
    public void Create_AnswersThePrimaryDeploymentsArnAndId_AndDescribesTheServiceItWasGiven()
    {
        var answer = Described(
            ("ACTIVE", "orders", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-old1111111111"),
            ("PRIMARY", "orders", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-new2222222222"));
        var response = Run("Create", answer);
        Assert.Equal("SUCCESS", response["Status"]!.GetValue<string>());
        Assert.Equal("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-new2222222222", response["Data"]!["ServiceArn"]!.GetValue<string>());
        Assert.Equal("srv-new2222222222", response["Data"]!["ServiceId"]!.GetValue<string>());
        Assert.Equal("Lookup", response["PhysicalResourceId"]!.GetValue<string>());
        Assert.Equal(("stack-1", "request-1", "Lookup"), (response["StackId"]!.GetValue<string>(), response["RequestId"]!.GetValue<string>(), response["LogicalResourceId"]!.GetValue<string>()));
        var call = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "call.json")))!;
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/shop", call["cluster"]!.GetValue<string>());
        Assert.Equal(ServiceArn, call["services"]![0]!.GetValue<string>());
    }

    public static TheoryData<string, string?, string> Failures() => new()
    {
        // ECS reports other discovery names only.
        { Described(("PRIMARY", "payments", "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-pay3333333333")), null, "no Service Connect resource 'orders' on ECS service orders" },
        // The service does not exist (DescribeServices answers with failures, not an error).
        { """{"services":[],"failures":[{"arn":"arn:aws:ecs:us-east-1:123456789012:service/shop/orders","reason":"MISSING"}]}""", null, "ECS service not found: MISSING" },
        // A lying answer: an ARN that is not a Cloud Map service ARN is never passed on.
        { Described(("PRIMARY", "orders", "arn:aws:s3:::bucket/key")), null, "no Service Connect resource 'orders' on ECS service orders" },
        { """{"services":"not a list"}""", null, "ECS service not found" },
        { "{}", "AccessDeniedException: not authorized to perform ecs:DescribeServices", "AccessDeniedException: not authorized to perform ecs:DescribeServices" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Create_WhenEcsHasNoSuchResource_AnswersFailedWithTheReason(string answer, string? error, string reason)
    {
        var response = Run("Create", answer, error);
        Assert.Equal("FAILED", response["Status"]!.GetValue<string>());
        Assert.Equal(reason, response["Reason"]!.GetValue<string>());
        Assert.Null(response["Data"]!["ServiceArn"]);
    }

    [Fact]
    public void Delete_AnswersSuccessWithoutCallingEcs_KeepingThePhysicalId()
    {
        var response = Run("Delete", "{}", error: "must not be called", physicalId: "Lookup-previous");
        Assert.Equal("SUCCESS", response["Status"]!.GetValue<string>());
        Assert.Equal("Lookup-previous", response["PhysicalResourceId"]!.GetValue<string>());
        Assert.False(File.Exists(Path.Combine(folder, "call.json")));
    }

    public void Dispose()
    {
        cloudFormation.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string Described(params (string Status, string Name, string Arn)[] deployments)
        => new JsonObject
        {
            ["services"] = new JsonArray(new JsonObject
            {
                ["serviceName"] = "orders",
                ["deployments"] = new JsonArray(deployments.Select(d => (JsonNode)new JsonObject
                {
                    ["status"] = d.Status,
                    ["serviceConnectResources"] = new JsonArray(new JsonObject { ["discoveryName"] = d.Name, ["discoveryArn"] = d.Arn }),
                }).ToArray()),
            }),
        }.ToJsonString();

    /// <summary>Runs the handler once with node (at most 20 s, killed after) and returns what it sent to the ResponseURL.</summary>
    private JsonNode Run(string requestType, string answer, string? error = null, string? physicalId = null)
    {
        File.WriteAllText(Path.Combine(folder, "answer.json"), answer);
        var evt = new JsonObject
        {
            ["RequestType"] = requestType,
            ["ResponseURL"] = new Uri(cloudFormation.Endpoint, "response?signature=x").ToString(),
            ["StackId"] = "stack-1",
            ["RequestId"] = "request-1",
            ["LogicalResourceId"] = "Lookup",
            ["ResourceProperties"] = new JsonObject { ["Cluster"] = "arn:aws:ecs:us-east-1:123456789012:cluster/shop", ["Service"] = ServiceArn, ["DiscoveryName"] = "orders" },
        };
        if (physicalId is not null)
        {
            evt["PhysicalResourceId"] = physicalId;
        }

        var (exit, output) = ProcessRun.Run("node", folder, TimeSpan.FromSeconds(20), new Dictionary<string, string>
        {
            ["FAKE_CALL"] = Path.Combine(folder, "call.json"),
            ["FAKE_ANSWER"] = Path.Combine(folder, "answer.json"),
            ["FAKE_ERROR"] = error ?? string.Empty,
        }, "-e", "require('./index.js').handler(JSON.parse(process.argv[1])).then(() => process.exit(0), e => { console.error(e); process.exit(3); })", evt.ToJsonString());
        Assert.True(exit == 0, $"node exited {exit}: {output}");
        Assert.True(responses.TryDequeue(out var body), "the handler sent no response to CloudFormation");
        Assert.Empty(responses);
        return JsonNode.Parse(body)!;
    }
}
