using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ConnectServiceConnectNamespaceTests
{
    [Fact]
    public void ClientWithoutServiceConnect_IsMadeAClientOfTheTargetNamespace()
    {
        var w = new Workloads();
        var backend = w.ScService("Backend", "backend", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "backend", Port = 80 });
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        var connection = frontend.ConnectTo(backend);
        Assert.Equal((ConnectionMode.ServiceConnect, 8080, "backend:80"), (connection.Mode, connection.Port, connection.Environment["BACKEND_ENDPOINT"]));
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceName"] = "frontend",
            ["ServiceConnectConfiguration"] = new Dictionary<string, object> { ["Enabled"] = true, ["Namespace"] = Amazon.CDK.Assertions.Match.AnyValue() },
        });
    }

    [Fact]
    public void ClientInAnotherNamespace_FailsWithMessageNamingBoth()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var backend = w.ScService("Backend", "backend");
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "frontend",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = http },
        });
        var error = Findings.Error(() => frontend.ConnectTo(backend));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Frontend': target 'TestStack/Backend' is reachable only through Service Connect namespace 'internal.example.com', but 'TestStack/Frontend' uses Service Connect namespace 'internal-api'. Put both services in one Service Connect namespace, or give the target DualDiscovery so it is also reachable through DNS. [ecs-discovery:connect-service-connect-namespace]",
            error.Message);
    }

    [Fact]
    public void DualTargetInAnotherNamespace_IsReachedThroughDns()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var backend = w.ScService("Backend", "backend", dual: true);
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "frontend",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = http },
        });
        Assert.Equal(ConnectionMode.Dns, frontend.ConnectTo(backend).Mode);
    }

    [Fact]
    public void UndiscoverableTarget_IsReportedOnceAsUndiscoverable_NotAsInAnotherNamespace()
    {
        var w = new Workloads();
        var backend = new DiscoverableFargateService(w.Stack, "Backend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "backend", Container = Workloads.WebContainer() });
        var frontend = w.ScService("Frontend", "frontend");
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Frontend': target 'TestStack/Backend' is not discoverable: it has neither Service Connect endpoints nor a Cloud Map registration. Give the target ServiceConnect endpoints or a CloudMap registration. [ecs-discovery:connect-target]"],
            Findings.Error(() => frontend.ConnectTo(backend)).Errors);
    }
}
