using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

/// <summary>
/// Required props at every depth named by their path, a given task definition read like the service's own (read-only
/// root, app protocols, ports, Linux parameters), and Exec turned on more than once.
/// </summary>
public class DiscoverableFargateServicePropsTests
{
    [Fact]
    public void NullRequiredPropsAtAnyDepth_AreEachNamedByTheirPath()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.Image = null!;
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = container,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = w.Namespace,
                Endpoints = [null!, new ServiceConnectEndpoint { PortMappingName = "http", Tls = new ServiceConnectTls { AwsPcaAuthorityArn = null!, Role = null! } }],
            },
        }));
        string[] paths = ["Container.Image", "ServiceConnect.Endpoints[0]", "ServiceConnect.Endpoints[0].PortMappingName", "ServiceConnect.Endpoints[1].Tls.AwsPcaAuthorityArn", "ServiceConnect.Endpoints[1].Tls.Role"];
        Assert.Equal(paths.Select(p => $"DiscoverableFargateService 'TestStack/Orders': {p} (null) is required. Set {p}; it cannot be null. [ecs-discovery:required-props]"), error.Errors);
    }

    [Fact]
    public void LookingUpANullServiceConnectName_IsRefusedByName()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders");
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': discoveryName (null) is required. Set discoveryName; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.ServiceConnectService(null!)).Errors);
    }

    [Fact]
    public void TurningExecOnTwice_IsLikeTurningItOnOnce()
    {
        string Synthesized(int times)
        {
            var w = new Workloads();
            var service = w.DnsService("Orders", "orders");
            for (var i = 0; i < times; i++)
            {
                service.EnableExec(new ExecOptions { EnableInitProcess = true });
            }

            return Templates.Text(w.Stack) + string.Join("\n", Findings.Warnings(w.Stack));
        }

        Assert.Equal(Synthesized(1), Synthesized(2));
    }

    [Fact]
    public void AGivenTaskDefinition_IsNeverGivenTheInitProcess_ItIsWarnedInstead()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("app", Workloads.Container("app", new PortMapping { ContainerPort = 8080 }));
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Exec = new ExecOptions { EnableInitProcess = true } });
        Assert.False(Templates.OnlyContainer(w.Stack).ContainsKey("LinuxParameters"));
        Assert.Single(Findings.Warnings(w.Stack, "exec-init-process"));
    }

    [Fact]
    public void AContainerCreatedWithAnInitProcess_IsNotWarned()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.LinuxParameters = new LinuxParameters(w.Stack, "Linux", new LinuxParametersProps { InitProcessEnabled = true });
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", Container = container, Exec = new ExecOptions() });
        Assert.Empty(Findings.Warnings(w.Stack, "exec-init-process"));
    }

    [Fact]
    public void AGivenTaskDefinitionsReadOnlyRoot_IsSeenByExec()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var app = Workloads.Container("app", new PortMapping { ContainerPort = 8080 });
        app.ReadonlyRootFilesystem = true;
        task.AddContainer("app", app);
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Exec = new ExecOptions() }));
        Assert.EndsWith("[ecs-discovery:exec-readonly-root]", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AGivenTaskDefinitionsHttpPort_TakesAPerRequestTimeout()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("app", Workloads.Container("app", new PortMapping { Name = "http", ContainerPort = 8080, AppProtocol = AppProtocol.Http }));
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            TaskDefinition = task,
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", PerRequestTimeout = Duration.Seconds(5) }] },
        });
        Assert.Equal(8080, Assert.Single(service.ServiceConnectAliases).ContainerPort);
    }

    [Fact]
    public void AnAmbiguousSrvTarget_ListsEveryContainersPorts_OrNone()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("app", Workloads.Container("app", new PortMapping { ContainerPort = 8080 }, new PortMapping { ContainerPort = 9090 }));
        task.AddContainer("logs", Workloads.Container("logs"));
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv } }));
        Assert.Contains("(containers: 'app': 8080, 9090; 'logs': no ports)", Assert.Single(error.Errors), StringComparison.Ordinal);
    }
}
