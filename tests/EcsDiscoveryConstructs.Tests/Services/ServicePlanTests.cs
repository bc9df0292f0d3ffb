using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

/// <summary>
/// What a <see cref="DiscoverableFargateService"/> derives from its props: where it registers and under which name, the
/// container and port behind SRV records, the task it reads (from options or a task definition), its instance counts.
/// </summary>
public class ServicePlanTests
{
    private static PortMapping Http(int port, string name = "http") => new() { Name = name, ContainerPort = port, AppProtocol = AppProtocol.Http };

    private static JsonObject Registry(Stack stack)
        => Templates.Objects(Templates.OnlyProperties(stack, "AWS::ECS::Service")["ServiceRegistries"]).Single();

    private static DiscoverableFargateService Service(Workloads w, ContainerDefinitionOptions? container = null, CloudMapRegistrationOptions? cloudMap = null, ServiceConnectOptions? serviceConnect = null, FargateTaskDefinition? taskDefinition = null, int desiredCount = 1)
        => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = taskDefinition is null ? container ?? Workloads.WebContainer() : null,
            TaskDefinition = taskDefinition,
            CloudMap = cloudMap,
            ServiceConnect = serviceConnect,
            DesiredCount = desiredCount,
        });

    private static ServiceConnectOptions Sc(IDiscoveryNamespace ns, params string[] portNames)
        => new() { Namespace = ns, Endpoints = portNames.Select(p => new ServiceConnectEndpoint { PortMappingName = p }).ToArray() };

    [Fact]
    public void NullProps_AreRefusedByName()
    {
        var w = new Workloads();
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new DiscoverableFargateService(w.Stack, "Orders", null!)).ParamName);
    }

    [Fact]
    public void CpuAndMemory_ReachTheTaskDefinition()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), Cpu = 1024, MemoryLimitMiB = 4096 });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::TaskDefinition", new Dictionary<string, object> { ["Cpu"] = "1024", ["Memory"] = "4096" });
    }

    [Fact]
    public void AnUnnamedContainer_IsTheContainerNamedApp_ForSrvRecords()
    {
        var w = new Workloads();
        var service = Service(w, Workloads.Container(null, Http(8080)), new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "App" });
        Assert.Equal(("App", 8080.0), (Templates.Str(Registry(w.Stack)["ContainerName"]), Registry(w.Stack)["ContainerPort"]!.GetValue<double>()));
        Assert.Equal(8080, service.CloudMapPort);
    }

    [Fact]
    public void SrvWithoutContainerOrPort_TargetsTheFirstServiceConnectEndpointsContainer()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("app", Workloads.Container("app", Http(8080)));
        task.AddContainer("sidecar", Workloads.Container("sidecar", new PortMapping { ContainerPort = 9191 }));
        var service = Service(w, cloudMap: new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "orders-dns", DnsRecords = DiscoveryRecordTypes.Srv }, serviceConnect: Sc(w.Namespace, "http"), taskDefinition: task);
        Assert.Equal(8080, service.CloudMapPort);
        Assert.Equal("app", Templates.Str(Registry(w.Stack)["ContainerName"]));
    }

    [Fact]
    public void SrvNamingOnlyAContainer_TargetsThatContainersPort_NotTheServiceConnectEndpoint()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("app", Workloads.Container("app", Http(8080)));
        task.AddContainer("sidecar", Workloads.Container("sidecar", new PortMapping { ContainerPort = 9191 }));
        var service = Service(w, cloudMap: new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "orders-dns", DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "sidecar" }, serviceConnect: Sc(w.Namespace, "http"), taskDefinition: task);
        Assert.Equal(9191, service.CloudMapPort);
        Assert.Equal("sidecar", Templates.Str(Registry(w.Stack)["ContainerName"]));
    }

    [Fact]
    public void SrvNamingOnlyAPort_TargetsThatPort_NotTheServiceConnectEndpoints()
    {
        var w = new Workloads();
        var service = Service(w, Workloads.Container("app", Http(8080), new PortMapping { Name = "admin", ContainerPort = 9090 }), new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "orders-dns", DnsRecords = DiscoveryRecordTypes.Srv, ContainerPort = 9090 }, Sc(w.Namespace, "http"));
        Assert.Equal(9090, service.CloudMapPort);
    }

    [Fact]
    public void CloudMapPort_IsTheSrvPort_EvenWhenItIsNotTheFirstMapping()
    {
        var w = new Workloads();
        var service = Service(w, Workloads.Container("app", Http(8080), new PortMapping { Name = "admin", ContainerPort = 9090 }), new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "app", ContainerPort = 9090 });
        Assert.Equal(9090, service.CloudMapPort);
    }

    [Fact]
    public void ExplicitNamespaces_WinOverTheClusterDefault_AndNoRegistrationHasNone()
    {
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "default.local", Vpc = w.Vpc });
        var scOnly = new DiscoverableFargateService(w.Stack, "Sc", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "sc", Container = Workloads.WebContainer(), ServiceConnect = Sc(w.Namespace, "http") });
        var cloudMap = new DiscoverableFargateService(w.Stack, "Cm", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "cm", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace } });
        Assert.Equal("internal.example.com", scOnly.ServiceConnectNamespace!.NamespaceName);
        Assert.Null(scOnly.CloudMapNamespace);
        Assert.Equal("internal.example.com", cloudMap.CloudMapNamespace!.NamespaceName);
    }

    [Fact]
    public void AnExistingOrImportedService_RegistersInItsOwnNamespace_WithItsOwnRecords_NotTheClusterDefaults()
    {
        var w = new Workloads();
        w.Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "default.local", Vpc = w.Vpc });
        var existing = new DiscoveryService(w.Stack, "Existing", new DiscoveryServiceProps { Namespace = w.Namespace, Name = "payments", DnsRecords = DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        var imported = DiscoveryService.FromServiceAttributes(w.Stack, "Billing", new DiscoveryServiceAttributes
        {
            ServiceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1234567890abcdef",
            ServiceId = "srv-1234567890abcdef",
            ServiceName = "billing",
            Namespace = w.Namespace,
            DnsRecords = DiscoveryRecordTypes.Srv,
        });
        var viaExisting = new DiscoverableFargateService(w.Stack, "A", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "a", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { ExistingService = existing } });
        var viaImport = new DiscoverableFargateService(w.Stack, "B", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "b", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { ExistingService = imported } });
        Assert.Equal(("internal.example.com", "payments", DiscoveryRecordTypes.Srv), (viaExisting.CloudMapNamespace!.NamespaceName, viaExisting.CloudMapServiceName, viaExisting.CloudMapRecords));
        Assert.Equal(("internal.example.com", "billing", DiscoveryRecordTypes.Srv), (viaImport.CloudMapNamespace!.NamespaceName, viaImport.CloudMapServiceName, viaImport.CloudMapRecords));
        Assert.Equal("payments.internal.example.com", viaExisting.DnsName);
    }

    [Fact]
    public void AnImportedSrvService_IsRegisteredWithTheContainerAndPort()
    {
        // The CDK drops the container and port of a registration unless the service it is given has SRV records.
        var w = new Workloads();
        _ = Service(w, cloudMap: new CloudMapRegistrationOptions { ExistingService = DiscoveryService.FromServiceAttributes(w.Stack, "Imported", new DiscoveryServiceAttributes { ServiceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1234567890abcdef", ServiceId = "srv-1234567890abcdef", ServiceName = "billing", Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv }) });
        var registry = Registry(w.Stack);
        Assert.Equal(("app", 8080.0), (Templates.Str(registry["ContainerName"]), registry["ContainerPort"]!.GetValue<double>()));
    }

    [Fact]
    public void AnImportedApiOnlyService_IsRegisteredByArnOnly()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var service = Service(w, cloudMap: new CloudMapRegistrationOptions { ExistingService = DiscoveryService.FromServiceAttributes(w.Stack, "Imported", new DiscoveryServiceAttributes { ServiceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1234567890abcdef", ServiceId = "srv-1234567890abcdef", ServiceName = "jobs", Namespace = http, DnsRecords = DiscoveryRecordTypes.None }) });
        Assert.Equal(["RegistryArn"], Registry(w.Stack).Select(p => p.Key));
        Assert.Null(service.DnsName);
    }

    [Fact]
    public void ANameForTheCloudMapService_IsUsed_AndDoesNotBecomeTheServiceConnectAlias()
    {
        var w = new Workloads();
        var service = Service(w, cloudMap: new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "orders-dns" }, serviceConnect: Sc(w.Namespace, "http"));
        Assert.Equal("orders-dns", service.CloudMapServiceName);
        Assert.Equal("orders-dns.internal.example.com", service.DnsName);
        Assert.Equal("orders.internal.example.com", Assert.Single(service.ServiceConnectAliases).DnsName);
    }

    [Fact]
    public void ADerivedAlias_InATokenNamedNamespace_KeepsTheToken()
    {
        var w = new Workloads();
        var name = Fn.ImportValue("SharedNamespaceName");
        var ns = PrivateDnsDiscoveryNamespace.FromAttributes(w.Stack, "Shared", new DiscoveryNamespaceAttributes { NamespaceId = "ns-1234567890abcdef", NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1234567890abcdef", NamespaceName = name, Vpc = w.Vpc });
        var service = Service(w, serviceConnect: Sc(ns, "http"));
        Assert.Equal($"orders.{name}", Assert.Single(service.ServiceConnectAliases).DnsName);
    }

    [Fact]
    public void ServiceConnectWithoutAnyNamespace_IsOneError_NotAlsoOneAboutItsAlias()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, serviceConnect: new ServiceConnectOptions { Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] }));
        Assert.Single(error.Errors);
        Assert.EndsWith("[ecs-discovery:service-connect-namespace]", error.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void InstancesDeclaredInTheTemplate_CountTowardsTheNamespaceQuota()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace }, DesiredCount = 1000 });
        _ = new DiscoverableFargateService(w.Stack, "Other", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "other", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace }, DesiredCount = 999 });
        var legacy = new DiscoveryService(w.Stack, "Legacy", Fixtures.GoodService(w.Namespace, "legacy"));
        _ = legacy.RegisterIpInstance("Vm1", new IpInstanceOptions { Ipv4 = "10.0.9.1" });
        Assert.Empty(Findings.Warnings(w.Stack, "namespace-instance-quota"));
        _ = legacy.RegisterIpInstance("Vm2", new IpInstanceOptions { Ipv4 = "10.0.9.2" });
        Assert.Equal(
            ["Namespace 'internal.example.com': up to 2001 instances could register ('TestStack/Orders (Cloud Map)' 1000, 'TestStack/Other (Cloud Map)' 999, 'TestStack/Legacy (declared instances)' 2), more than the default quota of 2000 instances per namespace. Request a higher quota (and, for DNS namespaces, more Route 53 records per hosted zone), or spread services over namespaces. [ecs-discovery:namespace-instance-quota]"],
            Findings.Warnings(w.Stack, "namespace-instance-quota"));
    }

    [Fact]
    public void InstancesWithoutScaling_CountTheDesiredTasks_PerRegistrationAndPerEndpoint()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        _ = Service(w, Workloads.Container("app", Http(8080), Http(9090, "admin"), Http(9191, "metrics")), new CloudMapRegistrationOptions { Namespace = w.Namespace }, Sc(http, "http", "admin", "metrics"), desiredCount: 1000);
        foreach (var (id, count) in new[] { ("Other", 1000), ("Third", 1) })
        {
            _ = new DiscoverableFargateService(w.Stack, id, new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = id.ToLowerInvariant(), Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace }, DesiredCount = count });
        }

        Assert.Equal(
            [
                "Namespace 'internal-api': up to 3000 instances could register ('TestStack/Orders (Service Connect)' 3000), more than the default quota of 2000 instances per namespace. Request a higher quota (and, for DNS namespaces, more Route 53 records per hosted zone), or spread services over namespaces. [ecs-discovery:namespace-instance-quota]",
                "Namespace 'internal.example.com': up to 2001 instances could register ('TestStack/Orders (Cloud Map)' 1000, 'TestStack/Other (Cloud Map)' 1000, 'TestStack/Third (Cloud Map)' 1), more than the default quota of 2000 instances per namespace. Request a higher quota (and, for DNS namespaces, more Route 53 records per hosted zone), or spread services over namespaces. [ecs-discovery:namespace-instance-quota]",
            ],
            Findings.Warnings(w.Stack, "namespace-instance-quota").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(5, 60, false)]
    [InlineData(60, 5, false)]
    [InlineData(5, 5, true)]
    public void TheTtlIsJudgedAgainstTheLongestStopTimeout_OfAGivenTaskDefinition(int first, int second, bool warned)
    {
        var w = new Workloads();
        var app = Workloads.Container("app", Http(8080));
        app.StopTimeout = Duration.Seconds(first);
        var sidecar = Workloads.Container("sidecar");
        sidecar.StopTimeout = Duration.Seconds(second);
        var own = new FargateTaskDefinition(w.Stack, "Own");
        own.AddContainer("app", app);
        own.AddContainer("sidecar", sidecar);
        _ = Service(w, cloudMap: new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsTtl = Duration.Seconds(20) }, taskDefinition: own);
        Assert.Equal(warned, Findings.Warnings(w.Stack, "dns-ttl-long").Count == 1);
    }

    [Fact]
    public void ScalingInTheProps_ScalesTheServiceOnCpu()
    {
        var w = new Workloads();
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace }, Scaling = new TaskScalingOptions { MinCapacity = 2, MaxCapacity = 6, TargetCpuPercent = 55 } });
        var template = Template.FromStack(w.Stack);
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", new Dictionary<string, object> { ["MinCapacity"] = 2, ["MaxCapacity"] = 6 });
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", new Dictionary<string, object>
        {
            ["TargetTrackingScalingPolicyConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["TargetValue"] = 55 }),
        });
        Assert.Equal("scaling", Assert.Throws<ArgumentNullException>(() => service.AutoScale(null!)).ParamName);
    }

    [Fact]
    public void ADesiredCountEqualToTheScalingMaximum_IsReportedAsTheMaximum()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = Workloads.WebContainer(), CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace }, DesiredCount = 1001, Scaling = new TaskScalingOptions { MinCapacity = 1, MaxCapacity = 1001 } }));
        Assert.StartsWith("DiscoverableFargateService 'TestStack/Orders': Scaling.MaxCapacity 1001 is above", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AClientOnlyServiceConnectService_IsNotAmongANamespacesInstanceOwners()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Client", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "client", Container = Workloads.WebContainer(), ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace }, DesiredCount = 5 });
        foreach (var (id, count) in new[] { ("A", 1000), ("B", 1000), ("C", 1) })
        {
            _ = new DiscoverableFargateService(w.Stack, id, new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = id.ToLowerInvariant(), Container = Workloads.WebContainer(), ServiceConnect = Sc(w.Namespace, "http"), DesiredCount = count });
        }

        var warning = Assert.Single(Findings.Warnings(w.Stack, "namespace-instance-quota"));
        Assert.Contains("('TestStack/A (Service Connect)' 1000, 'TestStack/B (Service Connect)' 1000, 'TestStack/C (Service Connect)' 1)", warning, StringComparison.Ordinal);
    }
}
