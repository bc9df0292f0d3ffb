using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Examples;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Canary;

/// <summary>
/// One model, two sources: what the canary collects at synth equals what <c>verify</c> derives from the template, with
/// only the values CloudFormation resolves at deploy (ids, generated names) added.
/// </summary>
public class CanaryModelTests
{
    private static DiscoveryCanary Canary(Stack stack, Amazon.CDK.AWS.EC2.IVpc vpc, IConstruct? scope = null, string id = "Canary")
        => new(stack, id, new DiscoveryCanaryProps { Vpc = vpc, Scope = scope });

    [Fact]
    public void ECommerceExample_CanaryModelEqualsWhatVerifyDerives()
    {
        var app = TestApp.Create();
        var stack = new ECommerceStack(app, "ECommerce", new StackProps { Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }) });
        var (canary, verify) = CanaryTemplate.Models(stack);
        Assert.Equal(5, verify.Services.Count);
        CanaryTemplate.AssertSameModel(canary, verify);
        Assert.Equal(10, canary.Services.Single(s => s.Name.Literal == "inventory").MinInstances);
        Assert.Equal(100, canary.Services.Single(s => s.Name.Literal == "inventory").MaxInstances);
        Assert.Contains(canary.Services, s => s.ServiceConnect && s.Name.Literal == "payments-sc");
    }

    [Fact]
    public void NamesCloudFormationGenerates_ReachTheCanaryAsTheDeployedTemplateHasThem()
    {
        var w = new Workloads();
        var nsName = new CfnParameter(w.Stack, "NamespaceName", new CfnParameterProps { Default = "shop.internal" });
        var ns = new HttpNamespace(w.Stack, "RawNamespace", new HttpNamespaceProps { Name = nsName.ValueAsString });
        var unnamed = new Service(w.Stack, "Unnamed", new ServiceProps { Namespace = ns });
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), PortMappings = [new PortMapping { ContainerPort = 80 }] });
        var raw = new FargateService(w.Stack, "RawService", new FargateServiceProps { Cluster = w.Cluster, TaskDefinition = task, DesiredCount = 3 });
        raw.AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = unnamed });
        _ = Canary(w.Stack, w.Vpc);

        var (canary, verify) = CanaryTemplate.Models(w.Stack);
        CanaryTemplate.AssertSameModel(canary, verify);
        var service = canary.Services.Single(s => s.Source.StartsWith("Unnamed", StringComparison.Ordinal));
        // Names CloudFormation generates are unknown in the template: the canary resolves them from the deployed stack's
        // physical ids at run time (DeployedNames), as verify does.
        Assert.False(service.Name.IsResolved);
        Assert.Equal(3, service.MinInstances);
        Assert.False(service.EcsServiceNames.Single().IsResolved);
        Assert.Equal("{\"Ref\":\"NamespaceName\"}", canary.Namespaces.Single(n => n.Kind == Verifier.Assembly.NamespaceKind.Http).Name.Expression);
    }

    [Fact]
    public void ScalingServiceConnectAndDeclaredInstances_MatchVerify()
    {
        var w = new Workloads();
        var scaled = w.DnsService("Orders", "orders");
        scaled.AutoScale(new TaskScalingOptions { MinCapacity = 3, MaxCapacity = 9 });
        _ = w.ScService("Payments", "payments");
        var http = Fixtures.HttpNamespace(w.Stack);
        var external = new DiscoveryService(w.Stack, "Legacy", new DiscoveryServiceProps { Namespace = http, Name = "legacy" });
        external.RegisterIpInstance("Host1", new IpInstanceOptions { Ipv4 = "10.0.0.10", Port = 8080 });
        _ = Canary(w.Stack, w.Vpc);

        var (canary, verify) = CanaryTemplate.Models(w.Stack);
        CanaryTemplate.AssertSameModel(canary, verify);
        Assert.Equal((3, 9), canary.Services.Where(s => s.Name.Literal == "orders").Select(s => (s.MinInstances, s.MaxInstances)).Single());
        Assert.Equal((1, 1), canary.Services.Where(s => s.Name.Literal == "legacy").Select(s => (s.MinInstances, s.MaxInstances)).Single());
        Assert.Contains(canary.Services, s => s.ServiceConnect && s.Name.Literal == "payments");
    }

    [Fact]
    public void ServicesAddedAfterTheCanary_AreChecked()
    {
        var w = new Workloads();
        _ = Canary(w.Stack, w.Vpc);
        _ = w.DnsService("Late", "late");

        var (canary, verify) = CanaryTemplate.Models(w.Stack);
        CanaryTemplate.AssertSameModel(canary, verify);
        Assert.Contains(canary.Services, s => s.Name.Literal == "late");
    }

    [Fact]
    public void AScope_ChecksItsServicesAndTheNamespacesTheyUse_Only()
    {
        var w = new Workloads();
        var group = new Construct(w.Stack, "Checkout");
        _ = new DiscoverableFargateService(group, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        });
        _ = w.DnsService("Catalog", "catalog");
        _ = Fixtures.HttpNamespace(w.Stack);
        _ = Canary(w.Stack, w.Vpc, group);

        var canary = CanaryTemplate.Models(w.Stack).Canary;
        Assert.Equal(["orders"], canary.Services.Select(s => s.Name.Literal));
        Assert.Equal(["internal.example.com"], canary.Namespaces.Select(n => n.Name.Literal));
    }

    [Fact]
    public void EveryReadOnStar_IsAnActionWithoutResourceLevelPermissions()
    {
        var app = TestApp.Create();
        var stack = new ECommerceStack(app, "ECommerce", new StackProps { Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }) });
        var template = Templates.Json(stack);
        var policy = Templates.Resources(template).Single(r => r.Key.StartsWith("DiscoveryCanaryRoleDefaultPolicy", StringComparison.Ordinal)).Value!;
        var statements = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        var onStar = statements.Where(s => s!["Resource"] is System.Text.Json.Nodes.JsonValue v && v.GetValue<string>() == "*")
            .SelectMany(s => s!["Action"] is System.Text.Json.Nodes.JsonArray a ? a.Select(x => x!.GetValue<string>()) : [s["Action"]!.GetValue<string>()])
            .Order()
            .ToList();
        Assert.Equal(["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ecs:ListTasks", "servicediscovery:ListNamespaces", "servicediscovery:ListServices"], onStar);
        var listTasks = statements.Single(s => s!["Sid"]!.GetValue<string>() == "ListTasksOfTheseClusters")!;
        Assert.Contains("cluster/", listTasks["Condition"]!["ArnEquals"]!["ecs:cluster"]!.ToJsonString(), StringComparison.Ordinal);
        var describe = statements.Single(s => s!["Sid"]!.GetValue<string>() == "ReadRegisteringEcsServices")!;
        Assert.Equal("[\"ecs:DescribeServices\",\"ecs:ListServiceDeployments\"]", describe["Action"]!.ToJsonString());
        Assert.Contains(":service/\",{\"Ref\":\"", describe["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        var actions = statements.SelectMany(s => s!["Action"] is System.Text.Json.Nodes.JsonArray a ? a.Select(x => x!.GetValue<string>()) : [s["Action"]!.GetValue<string>()]).ToList();
        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal));
        Assert.All(actions.Where(a => a.StartsWith("servicediscovery:", StringComparison.Ordinal)), a => Assert.Contains(a, new[] { "servicediscovery:ListNamespaces", "servicediscovery:ListServices", "servicediscovery:ListInstances", "servicediscovery:DiscoverInstances" }));
        var discover = statements.Single(s => s!["Sid"]!.GetValue<string>() == "DiscoverInCheckedNamespaces")!;
        Assert.Equal("[\"internal.example.com\"]", discover["Condition"]!["StringEquals"]!["servicediscovery:NamespaceName"]!.ToJsonString());
    }

    private static FargateService PlainService(Stack stack, string id, ICluster cluster, double? desired)
    {
        var task = new FargateTaskDefinition(stack, id + "Task");
        task.AddContainer("web", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), PortMappings = [new PortMapping { ContainerPort = 80, Name = "http" }] });
        return new FargateService(stack, id, new FargateServiceProps { Cluster = cluster, TaskDefinition = task, DesiredCount = desired });
    }

    [Fact]
    public void L1AndL2Shapes_PublicNamespacesRoute53ChecksSharedRegistriesAndPortNamedEndpoints_MatchVerify()
    {
        var w = new Workloads();
        var pub = new PublicDnsNamespace(w.Stack, "Public", new PublicDnsNamespaceProps { Name = "shop.example.com" });
        _ = new Service(w.Stack, "Storefront", new ServiceProps { Namespace = pub, Name = "www", HealthCheck = new HealthCheckConfig { Type = HealthCheckType.HTTP, ResourcePath = "/health" } });

        // Only DnsConfig names the namespace (the older form of the L1).
        _ = new Amazon.CDK.AWS.ServiceDiscovery.CfnService(w.Stack, "DnsConfigOnly", new Amazon.CDK.AWS.ServiceDiscovery.CfnServiceProps
        {
            Name = "legacy",
            DnsConfig = new Amazon.CDK.AWS.ServiceDiscovery.CfnService.DnsConfigProperty
            {
                NamespaceId = w.Namespace.NamespaceId,
                DnsRecords = new object[] { new Amazon.CDK.AWS.ServiceDiscovery.CfnService.DnsRecordProperty { Type = "A", Ttl = 30 } },
            },
        });

        // Two ECS services register in one Cloud Map service: their task counts add up.
        var raw = new PrivateDnsNamespace(w.Stack, "Raw", new PrivateDnsNamespaceProps { Name = "raw.internal", Vpc = w.Vpc });
        var shared = new Service(w.Stack, "Shared", new ServiceProps { Namespace = raw, Name = "shared", DnsRecordType = DnsRecordType.A });
        PlainService(w.Stack, "Blue", w.Cluster, 2).AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = shared });
        PlainService(w.Stack, "Green", w.Cluster, 3).AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = shared });

        // NamespaceId wins over DnsConfig's; a namespace that is not one of the stack's (a literal id) is not checked.
        _ = new Amazon.CDK.AWS.ServiceDiscovery.CfnService(w.Stack, "BothIds", new Amazon.CDK.AWS.ServiceDiscovery.CfnServiceProps
        {
            Name = "both",
            NamespaceId = raw.NamespaceId,
            DnsConfig = new Amazon.CDK.AWS.ServiceDiscovery.CfnService.DnsConfigProperty
            {
                NamespaceId = w.Namespace.NamespaceId,
                DnsRecords = new object[] { new Amazon.CDK.AWS.ServiceDiscovery.CfnService.DnsRecordProperty { Type = "A", Ttl = 30 } },
            },
        });
        _ = new Amazon.CDK.AWS.ServiceDiscovery.CfnService(w.Stack, "Elsewhere", new Amazon.CDK.AWS.ServiceDiscovery.CfnServiceProps { Name = "elsewhere", NamespaceId = "ns-0123456789abcdef" });

        // One registrant without a task count leaves the total unknown; an empty registry list registers nothing.
        var partly = new Service(w.Stack, "Partly", new ServiceProps { Namespace = raw, Name = "partly", DnsRecordType = DnsRecordType.A });
        PlainService(w.Stack, "Counted", w.Cluster, 2).AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = partly });
        PlainService(w.Stack, "Uncounted", w.Cluster, null).AssociateCloudMapService(new AssociateCloudMapServiceOptions { Service = partly });
        ((Amazon.CDK.AWS.ECS.CfnService)PlainService(w.Stack, "Unregistered", w.Cluster, 1).Node.DefaultChild!).ServiceRegistries = Array.Empty<object>();

        // A Service Connect endpoint without a discovery name is found by its port name.
        var sc = PlainService(w.Stack, "Connected", w.Cluster, 1);
        sc.EnableServiceConnect(new ServiceConnectProps { Namespace = w.Namespace.NamespaceName, Services = [new ServiceConnectService { PortMappingName = "http" }] });
        _ = Canary(w.Stack, w.Vpc);

        var (canary, verify) = CanaryTemplate.Models(w.Stack);
        CanaryTemplate.AssertSameModel(canary, verify);
        Assert.Equal(Verifier.Assembly.NamespaceKind.PublicDns, canary.Namespaces.Single(n => n.Name.Literal == "shop.example.com").Kind);
        Assert.Equal(Verifier.Assembly.HealthCheckKind.Route53, canary.Services.Single(s => s.Name.Literal == "www").HealthCheck);
        Assert.Equal([new Verifier.Assembly.DnsRecordInfo("A", 30)], canary.Services.Single(s => s.Name.Literal == "legacy").DnsRecords);
        Assert.Equal((5, 5, 2), canary.Services.Where(s => s.Name.Literal == "shared").Select(s => (s.MinInstances, s.MaxInstances, s.EcsServiceNames.Count)).Single());
        Assert.Contains(canary.Services, s => s.ServiceConnect && s.Name.Literal == "http");
        Assert.Equal("Raw72517081", canary.Services.Single(s => s.Name.Literal == "both").Namespace.LogicalId);
        // A Cloud Map service in a namespace the stack names by id (imported) is checked in that namespace, found by id.
        Assert.Equal("imported:ns-0123456789abcdef", canary.Services.Single(s => s.Name.Literal == "elsewhere").Namespace.LogicalId);
        Assert.Equal((null, null, 2), canary.Services.Where(s => s.Name.Literal == "partly").Select(s => (s.MinInstances, s.MaxInstances, s.EcsServiceNames.Count)).Single());
    }

    [Fact]
    public void AServiceConnectNamespaceOutsideTheScope_IsCheckedForTheScopesServices()
    {
        var w = new Workloads();
        var group = new Construct(w.Stack, "Payments");
        _ = new DiscoverableFargateService(group, "Payments", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "payments",
            Container = Workloads.WebContainer(),
            ServiceConnect = new EcsDiscoveryConstructs.ServiceConnect.ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new EcsDiscoveryConstructs.ServiceConnect.ServiceConnectEndpoint { PortMappingName = "http" }] },
        });
        _ = Canary(w.Stack, w.Vpc, group);

        var canary = CanaryTemplate.Models(w.Stack).Canary;
        Assert.Equal(["internal.example.com"], canary.Namespaces.Select(n => n.Name.Literal));
        Assert.Equal([("payments", true)], canary.Services.Select(s => (s.Name.Literal, s.ServiceConnect)));
    }

    [Fact]
    public void SharedNamespaceConsumer_TheCanaryChecksServicesInTheNamespaceByIdAndOwner_AsVerifyDoes()
    {
        var app = TestApp.Create();
        var stack = new SharedNamespaceConsumerStack(app, "SharedNamespaceConsumer", "arn:aws:servicediscovery:us-east-1:111111111111:namespace/ns-0123456789abcdef0", new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = "222222222222", Region = "us-east-1" },
            Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }),
        });
        _ = Canary(stack, ((Amazon.CDK.AWS.EC2.Vpc)stack.Node.FindChild("Network").Node.FindChild("Vpc")));

        var (canary, verify) = CanaryTemplate.Models(stack);
        CanaryTemplate.AssertSameModel(canary, verify);
        var shared = Assert.Single(canary.Namespaces);
        Assert.Equal(("ns-0123456789abcdef0", true, "111111111111"), (shared.Id, shared.Imported, shared.OwnerAccount));
        Assert.Equal(2, canary.Services.Count);

        var policy = string.Concat(Templates.OfType(stack, "AWS::IAM::Policy").Values.Select(p => p.ToJsonString()));
        Assert.Contains("DiscoverInImportedNamespaces", policy, StringComparison.Ordinal);
        Assert.Contains(":111111111111:namespace/ns-0123456789abcdef0", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("DiscoverInCheckedNamespaces", policy, StringComparison.Ordinal);
    }
}
