using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>The independent acceptance checks the generator suite relies on: they pass real templates and catch what AWS rejects.</summary>
public class AcceptanceChecksTests
{
    private static List<string> Problems(string resources)
    {
        var view = new TemplateView(JsonNode.Parse($"{{\"Resources\":{resources}}}")!.AsObject());
        return CloudMapAcceptance.Problems(view).Concat(EcsAcceptance.Problems(view)).ToList();
    }

    private const string Namespace = """
        "Ns": { "Type": "AWS::ServiceDiscovery::PrivateDnsNamespace", "Properties": { "Name": "internal.example.com", "Vpc": "vpc-1" } }
        """;

    private static string CloudMapService(string name, string records = """[{ "Type": "A", "TTL": 10 }]""", string routing = "MULTIVALUE", string id = "Svc")
        => $$"""
            "{{id}}": { "Type": "AWS::ServiceDiscovery::Service", "Properties": { "Name": "{{name}}",
              "DnsConfig": { "NamespaceId": { "Fn::GetAtt": ["Ns", "Id"] }, "DnsRecords": {{records}}, "RoutingPolicy": "{{routing}}" },
              "HealthCheckCustomConfig": { "FailureThreshold": 1 } } }
            """;

    private static string EcsService(string name, string discovery, int desired = 1, string id = "Ecs")
        => $$"""
            "{{id}}": { "Type": "AWS::ECS::Service", "Properties": { "ServiceName": "{{name}}", "Cluster": { "Ref": "Cluster" }, "DesiredCount": {{desired}},
              "ServiceConnectConfiguration": { "Enabled": true, "Namespace": { "Fn::GetAtt": ["Ns", "Arn"] },
                "Services": [{ "PortName": "http", "DiscoveryName": "{{discovery}}", "ClientAliases": [{ "DnsName": "{{discovery}}", "Port": 80 }] }] } } }
            """;

    [Theory]
    [InlineData("FrontendBackendDns")]
    [InlineData("HttpApiDiscovery")]
    [InlineData("ServiceConnect")]
    [InlineData("ECommerce")]
    [InlineData("CopilotLayout")]
    [InlineData("AppMeshLayout")]
    [InlineData("PublicApi")]
    public void ExampleTemplates_PassTheAcceptanceChecks(string stack)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "EcsDiscoveryConstructs.Tests", "Examples", $"ExampleStacksTests.{stack}.verified.json"));
        var view = new TemplateView(JsonNode.Parse(text)!.AsObject());
        Assert.Empty(CloudMapAcceptance.Problems(view).Concat(EcsAcceptance.Problems(view)));
    }

    [Fact]
    public void ValidServiceAndEndpoint_HaveNoProblems()
        => Assert.Empty(Problems($"{{ {Namespace}, {CloudMapService("orders")}, {EcsService("orders", "orders-sc")} }}"));

    [Theory]
    [InlineData("_", "does not match the CreateService Name pattern")]
    [InlineData("orders service", "does not match the CreateService Name pattern")]
    public void CloudMapServiceName_OutsideTheApiPattern_IsAProblem(string name, string expected)
        => Assert.Contains(Problems($"{{ {Namespace}, {CloudMapService(name)} }}"), p => p.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("""[{ "Type": "A", "TTL": 1.5 }]""", "MULTIVALUE", "record TTL 1.5")]
    [InlineData("""[{ "Type": "A", "TTL": 10 }, { "Type": "CNAME", "TTL": 10 }]""", "WEIGHTED", "record types A+CNAME")]
    [InlineData("""[{ "Type": "CNAME", "TTL": 10 }]""", "MULTIVALUE", "CNAME records need WEIGHTED routing")]
    public void CloudMapRecords_AwsRejects_AreProblems(string records, string routing, string expected)
        => Assert.Contains(Problems($"{{ {Namespace}, {CloudMapService("orders", records, routing)} }}"), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void TwoServicesDifferingOnlyByCase_InADnsNamespace_AreAProblem()
        => Assert.Contains(Problems($"{{ {Namespace}, {CloudMapService("orders")}, {CloudMapService("Orders", id: "Svc2")} }}"), p => p.Contains("is used 2 times", StringComparison.Ordinal));

    [Theory]
    [InlineData("orders!", "orders", 1, "ECS service name 'orders!'")]
    [InlineData("orders", "Orders-SC", 1, "discoveryName 'Orders-SC'")]
    [InlineData("orders", "orders-sc", -1, "DesiredCount -1")]
    [InlineData("orders", "orders-sc", 1001, "DesiredCount 1001")]
    public void EcsServices_AwsRejects_AreProblems(string name, string discovery, int desired, string expected)
        => Assert.Contains(Problems($"{{ {Namespace}, {EcsService(name, discovery, desired)} }}"), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void DiscoveryNameEqualToACloudMapServiceName_IsAProblem()
        => Assert.Contains(Problems($"{{ {Namespace}, {CloudMapService("orders")}, {EcsService("orders", "orders")} }}"), p => p.Contains("is also a Cloud Map service name", StringComparison.Ordinal));

    [Fact]
    public void OneEcsNameTwiceInACluster_IsAProblem()
        => Assert.Contains(Problems($"{{ {Namespace}, {EcsService("orders", "a")}, {EcsService("orders", "b", id: "Ecs2")} }}"), p => p.Contains("ECS service name 'orders' is used 2 times", StringComparison.Ordinal));
}
