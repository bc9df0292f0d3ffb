using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

/// <summary>Null arguments of the wiring and cluster helpers, and Service Connect access-log settings as ECS names them.</summary>
public class ServicesEdgeTests
{
    [Fact]
    public void ConnectingToNull_IsRefusedByName()
    {
        var w = new Workloads();
        var web = w.DnsService("Web", "web");
        Assert.Equal("target", Assert.Throws<ArgumentNullException>(() => web.ConnectTo(null!)).ParamName);
    }

    [Fact]
    public void AClusterDefaultNamespace_NeedsAClusterAndANamespace()
    {
        var w = new Workloads();
        Assert.Equal("cluster", Assert.Throws<ArgumentNullException>(() => ClusterDefaultNamespace.Set(null!, w.Namespace)).ParamName);
        Assert.Equal(
            ["Cluster 'TestStack/Cluster': namespace (null) is required. Set namespace; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => ClusterDefaultNamespace.Set(w.Cluster, null!)).Errors);
    }

    [Theory]
    [InlineData(false, false, "TEXT", "DISABLED")]
    [InlineData(true, true, "JSON", "ENABLED")]
    public void AccessLogs_AreWrittenAsEcsNamesThem(bool json, bool query, string format, string parameters)
    {
        var stack = TestApp.CreateStack();
        var service = new CfnService(stack, "Service", new CfnServiceProps { Cluster = "c" });
        EcsOverrides.SetServiceConnectAccessLogs(service, new ServiceConnectAccessLogs { Json = json, IncludeQueryParameters = query });
        var properties = (IDictionary<string, object>)((IDictionary<string, object>)Amazon.CDK.Assertions.Template.FromStack(stack).FindResources("AWS::ECS::Service").Values.Single())["Properties"];
        var logs = (IDictionary<string, object>)((IDictionary<string, object>)properties["ServiceConnectConfiguration"])["AccessLogConfiguration"];
        Assert.Equal((format, parameters), ((string)logs["Format"], (string)logs["IncludeQueryParameters"]));
    }

    [Fact]
    public void ATargetNameWithHyphens_GivesUnderscoredVariables_AndASidOfLettersOnly()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var target = w.DnsService("OrderApi", "order-api", new CloudMapRegistration { Namespace = http });
        var web = new DiscoverableFargateService(w.Stack, "Web", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "web", Container = Workloads.WebContainer() });
        var connection = web.ConnectTo(target);
        Assert.Equal(["ORDER_API_NAMESPACE", "ORDER_API_SERVICE"], connection.Environment.Keys.Order(StringComparer.Ordinal));
        var policies = Amazon.CDK.Assertions.Template.FromStack(w.Stack).FindResources("AWS::IAM::Policy").Values.Cast<IDictionary<string, object>>();
        var sids = policies.SelectMany(p => (object[])((IDictionary<string, object>)((IDictionary<string, object>)p["Properties"])["PolicyDocument"])["Statement"])
            .Cast<IDictionary<string, object>>()
            .Where(st => st.ContainsKey("Sid"))
            .Select(st => (string)st["Sid"]);
        Assert.Contains("DiscoverORDERAPI", sids);
    }
}
