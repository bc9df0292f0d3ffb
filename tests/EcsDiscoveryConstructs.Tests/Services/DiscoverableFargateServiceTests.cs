using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Services;

public class DiscoverableFargateServiceTests
{
    [Fact]
    public void CloudMapA_RegistryArnIsTheCloudMapServiceArn()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceName"] = "orders",
            ["ServiceRegistries"] = new object[]
            {
                new Dictionary<string, object> { ["RegistryArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { w.Stack.GetLogicalId((CfnElement)service.DiscoveryService!.Resource.Node.DefaultChild!), "Arn" } } },
            },
        });
        Assert.Equal("orders.internal.example.com", service.DnsName);
    }

    [Fact]
    public void CloudMap_DefaultsToCustomHealthAndTenSecondTtl()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        Assert.Equal((DiscoveryHealthCheck.Custom, 10d), (service.DiscoveryService!.HealthCheck, service.DiscoveryService.DnsTtl!.ToSeconds()));
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void ServiceConnect_ReferencesNamespaceByArn()
    {
        // aws-cdk #25616: a namespace referenced by name from another stack was created a second time.
        var w = new Workloads();
        _ = w.ScService("Orders", "orders");
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Namespace"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { w.Stack.GetLogicalId((CfnElement)w.Namespace.Resource.Node.DefaultChild!), "Arn" } },
            }),
        });
    }

    [Fact]
    public void ExistingTaskDefinition_SrvOnNamedSidecarContainer()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("App", Workloads.WebContainer());
        task.AddContainer("Metrics", new ContainerDefinitionOptions
        {
            ContainerName = "metrics",
            Image = ContainerImage.FromRegistry("public.ecr.aws/bitnami/node-exporter:1.8.2"),
            PortMappings = [new PortMapping { Name = "metrics", ContainerPort = 9100 }],
            Essential = false,
        });
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            TaskDefinition = task,
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "orders-metrics", DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "metrics", ContainerPort = 9100 },
        });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceRegistries"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["ContainerName"] = "metrics", ["ContainerPort"] = 9100 }) },
        });
    }

    [Fact]
    public void ClientOnly_HasServiceConnectWithoutServices()
    {
        var w = new Workloads();
        var client = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "frontend",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace },
        });
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = new Dictionary<string, object> { ["Enabled"] = true, ["Namespace"] = Match.AnyValue() },
        });
        Assert.Empty(client.ServiceConnectAliases);
    }

    [Fact]
    public void SecondEndpoint_GetsPortSuffixedDiscoveryName()
    {
        var w = new Workloads();
        var container = Workloads.WebContainer();
        container.PortMappings = [.. container.PortMappings!, new PortMapping { Name = "grpc", ContainerPort = 9090, AppProtocol = AppProtocol.Grpc }];
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = container,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = w.Namespace,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }, new ServiceConnectEndpoint { PortMappingName = "grpc" }],
            },
        });
        Assert.Equal(["orders", "orders-grpc"], service.ServiceConnectAliases.Select(a => a.DiscoveryName));
        Assert.Equal(["orders.internal.example.com", "orders-grpc.internal.example.com"], service.ServiceConnectAliases.Select(a => a.DnsName));
    }

    [Fact]
    public void ApiTarget_GetsNamesAndScopedDiscoverInstancesGrant()
    {
        var w = new Workloads();
        var http = Fixtures.HttpNamespace(w.Stack);
        var jobs = w.DnsService("Jobs", "jobs", new CloudMapRegistrationOptions { Namespace = http });
        var api = new DiscoverableFargateService(w.Stack, "Api", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "api", Container = Workloads.WebContainer() });
        var connection = api.ConnectTo(jobs);
        Assert.Equal(ConnectionMode.CloudMapApi, connection.Mode);
        Assert.Equal(new Dictionary<string, string> { ["JOBS_NAMESPACE"] = "internal-api", ["JOBS_SERVICE"] = "jobs" }, connection.Environment);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Sid"] = "DiscoverJOBS",
                        ["Action"] = "servicediscovery:DiscoverInstances",
                        ["Effect"] = "Allow",
                        ["Resource"] = "*",
                        ["Condition"] = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["servicediscovery:NamespaceName"] = "internal-api", ["servicediscovery:ServiceName"] = "jobs" } },
                    },
                },
                ["Version"] = "2012-10-17",
            },
        });
    }

    [Fact]
    public void DualTarget_FromServiceConnectClient_UsesServiceConnect()
    {
        var w = new Workloads();
        var payments = w.ScService("Payments", "payments", dual: true);
        var orders = w.ScService("Orders", "orders");
        var connection = orders.ConnectTo(payments);
        Assert.Equal((ConnectionMode.ServiceConnect, "payments.internal.example.com:8080"), (connection.Mode, connection.Environment["PAYMENTS_ENDPOINT"]));
    }

    [Fact]
    public void DualTarget_FromPlainClient_UsesDns()
    {
        var w = new Workloads();
        var payments = w.ScService("Payments", "payments", dual: true);
        var batch = new DiscoverableFargateService(w.Stack, "Batch", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "batch", Container = Workloads.WebContainer() });
        Assert.Equal(ConnectionMode.Dns, batch.ConnectTo(payments).Mode);
    }

    [Fact]
    public void Golden_DnsA()
    {
        var w = new Workloads();
        _ = w.DnsService("Backend", "backend");
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Golden_Srv()
    {
        var w = new Workloads();
        _ = w.DnsService("Backend", "backend", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.Srv, ContainerName = "app", ContainerPort = 8080 });
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Golden_ASrv()
    {
        var w = new Workloads();
        _ = w.DnsService("Backend", "backend", new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, DnsTtl = Duration.Seconds(5), RoutingPolicy = RoutingPolicy.WEIGHTED });
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Golden_ServiceConnectServerAndClientWithAlias()
    {
        var w = new Workloads();
        var backend = w.ScService("Backend", "backend", new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "backend", Port = 80, PerRequestTimeout = Duration.Seconds(10) });
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "frontend",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace },
        });
        _ = frontend.ConnectTo(backend);
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Golden_ExistingNamespaceAsClusterDefault_WithAccessLogsAndDeploymentSettings()
    {
        // aws-cdk integ cluster-existing-namespace, with the registration, access-log and deployment settings added: registration and Service Connect
        // take the cluster's default namespace; proxy access logs; a spot capacity strategy; deployment percentages.
        var w = new Workloads();
        w.Cluster.EnableFargateCapacityProviders();
        ClusterDefaultNamespace.Set(w.Cluster, w.Namespace);
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            DesiredCount = 2,
            MinHealthyPercent = 50,
            MaxHealthyPercent = 150,
            CapacityProviderStrategies = [new CapacityProviderStrategy { CapacityProvider = "FARGATE", Base = 1, Weight = 1 }, new CapacityProviderStrategy { CapacityProvider = "FARGATE_SPOT", Weight = 2 }],
            CloudMap = new CloudMapRegistrationOptions(),
            ServiceConnect = new ServiceConnectOptions
            {
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = "sc" }),
                AccessLogs = new ServiceConnectAccessLogs { Json = true },
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders-sc", DnsName = "orders-api" }],
            },
        });
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Golden_DualDiscovery()
    {
        var w = new Workloads();
        _ = w.ScService("Payments", "payments", dual: true);
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Golden_HttpNamespaceApiDiscovery()
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc });
        var ns = new HttpDiscoveryNamespace(stack, "Namespace", new HttpDiscoveryNamespaceProps { Name = "shop-api" });
        var jobs = new DiscoverableFargateService(stack, "Jobs", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "jobs",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns },
        });
        var api = new DiscoverableFargateService(stack, "Api", new DiscoverableFargateServiceProps { Cluster = cluster, Name = "api", Container = Workloads.WebContainer() });
        _ = api.ConnectTo(jobs);
        Snapshot.Match(stack);
    }

    [Fact]
    public void Golden_WiringBetweenTwoServices()
    {
        var w = new Workloads();
        var backend = w.DnsService("Backend", "backend");
        var frontend = new DiscoverableFargateService(w.Stack, "Frontend", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "frontend", Container = Workloads.WebContainer() });
        _ = frontend.ConnectTo(backend);
        Snapshot.Match(w.Stack);
    }

    [Fact]
    public void Service_IsAnIConnectableForCdkApis()
    {
        // A database security group opened to the service through the CDK's own API, which takes an IConnectable.
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        var database = new Amazon.CDK.AWS.EC2.SecurityGroup(w.Stack, "Database", new Amazon.CDK.AWS.EC2.SecurityGroupProps { Vpc = w.Vpc });
        database.Connections.AllowFrom(service, Amazon.CDK.AWS.EC2.Port.Tcp(5432), "orders to database");
        var template = Amazon.CDK.Assertions.Template.FromStack(w.Stack);
        var serviceGroup = template.FindResources("AWS::EC2::SecurityGroup").Keys.Single(k => k.StartsWith("OrdersService", StringComparison.Ordinal));
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object>
        {
            ["FromPort"] = 5432,
            ["SourceSecurityGroupId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { serviceGroup, "GroupId" } },
        });
    }

    [Fact]
    public void RegistrationErrors_AreReportedOnTheParentInOneException()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            DesiredCount = -2,
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, Name = "bad name", DnsTtl = Duration.Millis(1500) },
        }));
        Assert.Equal("TestStack/Orders", error.ConstructPath);
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': DesiredCount -2 is negative: use 0 or more. Use the number of tasks to run, e.g. 2 (0 stops the service). [ecs-discovery:desired-count]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.Name 'bad name' is invalid: use dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-' (a one-character label is a letter or digit). Use a DNS-style name such as 'orders' or '_orders._tcp'. [ecs-discovery:service-name]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 1500 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]",
            ],
            error.Errors);
        Assert.Null(w.Stack.Node.TryFindChild("Orders/CloudMap"));
    }

    [Fact]
    public void DerivedCloudMapName_TooLong_NamesTheEcsName()
    {
        var w = new Workloads();
        var name = new string('o', 130);
        var error = Findings.Error(() => w.DnsService("Orders", name));
        Assert.Contains($"DiscoverableFargateService 'TestStack/Orders': Name '{name}' (Name is also the Cloud Map service name unless CloudMap.Name is set) has 130 characters: use 1-127.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainerChangesAfterTheServiceIsCreated_ReachTheTemplate()
    {
        // Reading the task definition for the rules must never freeze its rendered containers (the CDK caches them).
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var app = task.AddContainer("app", Workloads.WebContainer());
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            TaskDefinition = task,
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            Exec = new EcsDiscoveryConstructs.Exec.ExecOptions(),
        });
        app.AddEnvironment("LATE", "1");
        task.AddContainer("sidecar", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("busybox") });
        service.EnableExec();
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::TaskDefinition", new Dictionary<string, object>
        {
            ["ContainerDefinitions"] = new object[]
            {
                Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "app", ["Environment"] = new object[] { new Dictionary<string, object> { ["Name"] = "LATE", ["Value"] = "1" } } }),
                Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "sidecar" }),
            },
        });
    }

    [Fact]
    public void ARegistrationWithoutCustomHealthCheck_CreatesAServiceWithoutOne_AndIsWarned()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = w.Namespace, CustomHealthCheck = false });
        Assert.False(Templates.OnlyProperties(w.Stack, "AWS::ServiceDiscovery::Service").ContainsKey("HealthCheckCustomConfig"));
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
    [InlineData(false, false, "TEXT", "DISABLED")]
    [InlineData(true, true, "JSON", "ENABLED")]
    public void AccessLogs_AreWrittenAsEcsNamesThem(bool json, bool query, string format, string parameters)
    {
        var stack = TestApp.CreateStack();
        var service = new Amazon.CDK.AWS.ECS.CfnService(stack, "Service", new Amazon.CDK.AWS.ECS.CfnServiceProps { Cluster = "c" });
        EcsOverrides.SetServiceConnectAccessLogs(service, new ServiceConnectAccessLogs { Json = json, IncludeQueryParameters = query });
        var properties = Templates.OnlyProperties(stack, "AWS::ECS::Service");
        var logs = properties["ServiceConnectConfiguration"]!["AccessLogConfiguration"]!.AsObject();
        Assert.Equal((format, parameters), (Templates.Str(logs["Format"]), Templates.Str(logs["IncludeQueryParameters"])));
    }

    [Fact]
    public void AServiceConnectEndpointWithoutADiscoveryName_IsNamedAfterTheService_NotThePortMappingAsInEcs()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders");
        var sc = Templates.OfType(Templates.Json(w.Stack), "AWS::ECS::Service").Single().Value!["Properties"]!["ServiceConnectConfiguration"]!["Services"]![0]!;
        Assert.Equal(("http", "orders", "orders.internal.example.com"), (sc["PortName"]!.GetValue<string>(), sc["DiscoveryName"]!.GetValue<string>(), sc["ClientAliases"]![0]!["DnsName"]!.GetValue<string>()));
    }
}
