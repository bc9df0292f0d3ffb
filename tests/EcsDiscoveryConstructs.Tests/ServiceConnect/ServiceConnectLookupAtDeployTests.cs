using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.ServiceConnect;

public sealed class ServiceConnectLookupAtDeployTests
{
    [Fact]
    public void Golden_LookUpAtDeploy_OneFunctionPerStack_ScopedRole_OneLookupPerEndpoint()
    {
        var w = new Workloads();
        var orders = w.ScService("Orders", "orders");
        var payments = w.ScService("Payments", "payments");
        var first = orders.ServiceConnectService("orders").LookUpAtDeploy();
        var again = orders.ServiceConnectService("orders").LookUpAtDeploy();
        _ = payments.ServiceConnectService("payments").LookUpAtDeploy();
        _ = new Amazon.CDK.CfnOutput(w.Stack, "OrdersCloudMapServiceArn", new Amazon.CDK.CfnOutputProps { Value = first.ServiceArn });

        Assert.Equal(w.Stack.Resolve(first.ServiceId), w.Stack.Resolve(again.ServiceId));
        Assert.Matches("^\\{\"Fn::GetAtt\":\\[\"[A-Za-z0-9]+\",\"ServiceId\"\\]\\}$", System.Text.Json.JsonSerializer.Serialize(w.Stack.Resolve(first.ServiceId)));
        Assert.Matches("^\\{\"Fn::GetAtt\":\\[\"[A-Za-z0-9]+\",\"ServiceArn\"\\]\\}$", System.Text.Json.JsonSerializer.Serialize(w.Stack.Resolve(first.ServiceArn)));
        Assert.Equal("grantee", Assert.Throws<ArgumentNullException>(() => orders.ServiceConnectService("orders").GrantDiscoverInstances(null!)).ParamName);
        var template = Template.FromStack(w.Stack);
        template.ResourceCountIs("Custom::EcsDiscoveryServiceConnectLookup", 2);
        template.ResourceCountIs("AWS::Lambda::Function", 1);
        var ordersService = LogicalId(template, "AWS::ECS::Service", "Orders");
        template.HasResource("Custom::EcsDiscoveryServiceConnectLookup", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Service"] = new Dictionary<string, object> { ["Ref"] = ordersService },
                ["DiscoveryName"] = "orders",
            }),
            ["DependsOn"] = Match.ArrayWith(new object[] { LogicalId(template, "AWS::IAM::Policy", "EcsDiscoveryServiceConnectLookupRoleDefaultPolicy") }),
        });
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "nodejs24.x",
            ["Handler"] = "index.handler",
            ["Code"] = new Dictionary<string, object> { ["ZipFile"] = EcsDiscoveryConstructs.ServiceConnect.ServiceConnectLookupFunction.Source },
        });

        var role = Templates.OfType(w.Stack, "AWS::IAM::Role").Single(r => r.Key.StartsWith("EcsDiscoveryServiceConnectLookupRole", StringComparison.Ordinal)).Value;
        Assert.Null(role["Properties"]!["ManagedPolicyArns"]);
        var policy = Templates.OfType(w.Stack, "AWS::IAM::Policy").Single(r => r.Key.StartsWith("EcsDiscoveryServiceConnectLookupRoleDefaultPolicy", StringComparison.Ordinal)).Value;
        var statements = Templates.Statements(policy).ToList();
        Assert.Equal(
            ["logs:CreateLogStream,logs:PutLogEvents", "ecs:DescribeServices"],
            statements.Select(s => s["Action"] is JsonArray a ? string.Join(",", a.Select(Templates.Str)) : Templates.Str(s["Action"])));
        // Only the two ECS services looked up (the CDK merges the two statements into one).
        var paymentsService = LogicalId(template, "AWS::ECS::Service", "Payments");
        Assert.Equal($"[{{\"Ref\":\"{ordersService}\"}},{{\"Ref\":\"{paymentsService}\"}}]", statements[1]["Resource"]!.ToJsonString());
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void NoLookup_AddsNoFunction()
    {
        var w = new Workloads();
        var orders = w.ScService("Orders", "orders");
        _ = orders.ServiceConnectService("orders");
        Template.FromStack(w.Stack).ResourceCountIs("AWS::Lambda::Function", 0);
    }

    private static string LogicalId(Template template, string type, string prefix)
        => template.FindResources(type).Keys.Single(k => k.StartsWith(prefix, StringComparison.Ordinal));
}
