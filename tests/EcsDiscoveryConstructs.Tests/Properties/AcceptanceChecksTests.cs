using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>The independent acceptance checks the generator suite relies on: they pass real templates and catch what AWS rejects.</summary>
public class AcceptanceChecksTests
{
    private static List<string> Problems(string resources)
    {
        var view = new TemplateView(JsonNode.Parse($"{{\"Resources\":{resources}}}")!.AsObject());
        return CloudMapAcceptance.Problems(view).Concat(InstanceAcceptance.Problems(view)).Concat(EcsAcceptance.Problems(view)).Concat(CanaryAcceptance.Problems(view)).ToList();
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
        Assert.Empty(CloudMapAcceptance.Problems(view).Concat(InstanceAcceptance.Problems(view)).Concat(EcsAcceptance.Problems(view)).Concat(CanaryAcceptance.Problems(view)));
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

    private static string Instance(string attributes, string id = "Inst", string instanceId = "web-1")
        => $$"""
            "{{id}}": { "Type": "AWS::ServiceDiscovery::Instance", "Properties": { "InstanceId": "{{instanceId}}", "ServiceId": { "Fn::GetAtt": ["Svc", "Id"] }, "InstanceAttributes": {{attributes}} } }
            """;

    [Theory]
    [InlineData("""{ "AWS_INSTANCE_IPV4": "010.0.0.5" }""", "is not dotted decimal")]
    [InlineData("""{ "AWS_INSTANCE_IPV4": "10.0.0.5", "zone": " a" }""", "attribute 'zone' value ' a'")]
    [InlineData("""{ "AWS_INSTANCE_IPV4": "10.0.0.5", "AWS_OTHER": "x" }""", "is not one Cloud Map defines")]
    [InlineData("""{ "AWS_INSTANCE_IPV6": "2001:db8::5" }""", "records lack their address")]
    [InlineData("""{ "AWS_INSTANCE_IPV4": "10.0.0.5", "AWS_INSTANCE_PORT": "0" }""", "AWS_INSTANCE_PORT '0'")]
    public void Instances_CloudMapRejects_AreProblems(string attributes, string expected)
        => Assert.Contains(Problems($"{{ {Namespace}, {CloudMapService("orders")}, {Instance(attributes)} }}"), p => p.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("2001:db8::5", true)]
    [InlineData("::ffff:10.0.0.5", true)]
    [InlineData("::", true)]
    [InlineData("[2001:db8::5]", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("1::2::3", false)]
    public void Ipv6Oracle_FollowsRfc3986(string text, bool accepted)
        => Assert.Equal(accepted, InstanceAcceptance.IsIpv6(text));

    [Fact]
    public void TwoInstancesWithOneIdInAService_AreAProblem()
        => Assert.Contains(
            Problems($$"""{ {{Namespace}}, {{CloudMapService("orders")}}, {{Instance("""{ "AWS_INSTANCE_IPV4": "10.0.0.5" }""")}}, {{Instance("""{ "AWS_INSTANCE_IPV4": "10.0.0.6" }""", "Other")}} }"""),
            p => p.Contains("registered twice", StringComparison.Ordinal));

    [Theory]
    [InlineData(""" "DesiredCount": 1, "DeploymentConfiguration": { "MinimumHealthyPercent": 100, "MaximumPercent": 150 } """, "can neither start nor stop a task")]
    [InlineData(""" "DesiredCount": 1, "CapacityProviderStrategy": [{ "CapacityProvider": "FARGATE_SPOT", "Weight": 1 }] """, "is not associated with cluster Cluster")]
    [InlineData(""" "DesiredCount": 1, "CapacityProviderStrategy": [{ "CapacityProvider": "FARGATE", "Weight": 0 }] """, "capacity provider strategy")]
    public void EcsServices_ThatCannotDeploy_AreProblems(string properties, string expected)
        => Assert.Contains(
            Problems($$"""{ "Cluster": { "Type": "AWS::ECS::Cluster", "Properties": {} }, "Ecs": { "Type": "AWS::ECS::Service", "Properties": { "Cluster": { "Ref": "Cluster" }, {{properties}} } } }"""),
            p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void AFargateTaskSizeFargateDoesNotOffer_IsAProblem()
        => Assert.Contains(
            Problems("""{ "Task": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE"], "Cpu": "256", "Memory": "4096" } } }"""),
            p => p.Contains("no task size of 256 CPU units and 4096 MiB", StringComparison.Ordinal));

    [Theory]
    [InlineData(""" "Alarm": { "Type": "AWS::CloudWatch::Alarm", "Properties": { "Period": 3540, "EvaluationPeriods": 25 } } """, "25 evaluation periods of 3540 s")]
    [InlineData(""" "Alarm": { "Type": "AWS::CloudWatch::Alarm", "Properties": { "Period": 3600, "EvaluationPeriods": 169 } } """, "169 evaluation periods of 3600 s")]
    [InlineData(""" "Sg": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "SecurityGroupEgress": [{ "CidrIp": "010.0.0.2/32" }] } } """, "egress CidrIp '010.0.0.2/32'")]
    [InlineData(""" "Sg": { "Type": "AWS::EC2::SecurityGroup", "Properties": { "SecurityGroupEgress": [{ "CidrIpv6": "::ffff:10.0.0.2%1/128" }] } } """, "egress CidrIpv6")]
    [InlineData(""" "Rule": { "Type": "AWS::Events::Rule", "Properties": { "ScheduleExpression": "rate(1 minute)" } }, "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Timeout": 60 } } """, "Timeout 60 s")]
    public void CanaryResources_AwsRejects_AreProblems(string resources, string expected)
        => Assert.Contains(Problems($"{{ {resources} }}"), p => p.Contains(expected, StringComparison.Ordinal));
}
