using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

/// <summary>
/// Null arguments of the wiring and cluster helpers, Service Connect access-log settings as ECS names them, the
/// containers the service completes (logging, init process) and the Cloud Map service it creates.
/// </summary>
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
        Assert.Equal(
            ["ClusterDefaultNamespace.Set 'TestStack/Namespace': cluster (null) is required. Set cluster; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => ClusterDefaultNamespace.Set(null!, w.Namespace)).Errors);
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
        var target = w.DnsService("OrderApi", "order-api", new CloudMapRegistrationOptions { Namespace = http });
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

    private static bool InitProcessEnabled(IDictionary<string, object> container)
        => container.TryGetValue("LinuxParameters", out var linux) && ((IDictionary<string, object>)linux).TryGetValue("InitProcessEnabled", out var init) && (bool)init;

    private static ContainerDefinitionOptions LoggedContainer(Stack stack) => new()
    {
        ContainerName = "app",
        Image = ContainerImage.FromRegistry("public.ecr.aws/nginx/nginx:1.27"),
        PortMappings = [new PortMapping { Name = "http", ContainerPort = 8080, AppProtocol = AppProtocol.Http }],
        Logging = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = "own", LogGroup = new LogGroup(stack, "OwnLogs") }),
    };

    private static DiscoverableFargateService ExecWithInitProcess(Workloads w, ContainerDefinitionOptions container) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = container,
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        Exec = new ExecOptions { EnableInitProcess = true },
    });

    [Fact]
    public void AContainerWithItsOwnLogging_StillGetsTheInitProcessExecAsksFor_AndKeepsItsLogging()
    {
        var w = new Workloads();
        var options = LoggedContainer(w.Stack);
        _ = ExecWithInitProcess(w, options);
        var container = TemplateResources.OnlyContainer(w.Stack);
        Assert.True(InitProcessEnabled(container));
        var logOptions = (IDictionary<string, object>)((IDictionary<string, object>)container["LogConfiguration"])["Options"];
        Assert.Equal("own", logOptions["awslogs-stream-prefix"]);
        Assert.Single(Template.FromStack(w.Stack).FindResources("AWS::Logs::LogGroup"));
        Assert.Null(options.LinuxParameters);
    }

    [Fact]
    public void AContainerWithItsOwnLinuxParameters_GetsTheInitProcessThroughTheTaskDefinition()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.LinuxParameters = new LinuxParameters(w.Stack, "Linux", new LinuxParametersProps());
        _ = ExecWithInitProcess(w, container);
        Assert.True(InitProcessEnabled(TemplateResources.OnlyContainer(w.Stack)));
        Assert.Empty(Findings.Warnings(w.Stack, "exec-init-process"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ExecTurnedOnAfterCreation_RunsTheInitProcessOnlyWhenAsked(bool initProcess)
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec(new ExecOptions { EnableInitProcess = initProcess });
        Assert.Equal(initProcess, InitProcessEnabled(TemplateResources.OnlyContainer(w.Stack)));
    }

    [Fact]
    public void ARegistrationWithoutCustomHealthCheck_CreatesAServiceWithoutOne_AndIsWarned()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, CustomHealthCheck = false });
        Assert.False(TemplateResources.OnlyProperties(w.Stack, "AWS::ServiceDiscovery::Service").ContainsKey("HealthCheckCustomConfig"));
        Assert.Single(Findings.Warnings(w.Stack, "no-health-check"));
    }

    [Theory]
    [InlineData(false, DiscoveryRecordTypes.A)]
    [InlineData(true, DiscoveryRecordTypes.None)]
    public void TheCreatedCloudMapService_HasTheRecordsThePlanAssumes_WhenNoneAreWritten(bool http, DiscoveryRecordTypes expected)
    {
        var w = new Workloads();
        var ns = http ? Fixtures.HttpNamespace(w.Stack) : (IDiscoveryNamespace)w.Namespace;
        var service = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = ns });
        Assert.Equal(expected, service.CloudMapRecords);
        Assert.Equal(expected, service.DiscoveryService!.DnsRecords);
        Assert.Empty(Findings.Warnings(w.Stack, "api-only-dns-settings"));
    }

    [Theory]
    [InlineData(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.HTTP, "HttpNamespace")]
    [InlineData(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.DNS_PUBLIC, "PublicDnsNamespace")]
    [InlineData(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.DNS_PRIVATE, "PrivateDnsNamespace")]
    public void AClusterDefaultNamespaceWithAnInvalidName_IsNamedByItsKind(Amazon.CDK.AWS.ServiceDiscovery.NamespaceType type, string kind)
    {
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "bad name.local", Type = type, Vpc = type == Amazon.CDK.AWS.ServiceDiscovery.NamespaceType.DNS_PRIVATE ? w.Vpc : null });
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistrationOptions()));
        Assert.StartsWith($"{kind} 'TestStack/Cluster/DefaultServiceDiscoveryNamespace': Name 'bad name.local' ", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
