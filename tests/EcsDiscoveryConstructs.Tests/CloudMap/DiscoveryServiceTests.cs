using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

public class DiscoveryServiceTests
{
    [Fact]
    public void Defaults_ARecordTenSecondsMultivalue()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.PrivateNamespace(stack)));
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["DnsConfig"] = new Dictionary<string, object>
            {
                ["DnsRecords"] = new object[] { new Dictionary<string, object> { ["Type"] = "A", ["TTL"] = 10 } },
                ["RoutingPolicy"] = "MULTIVALUE",
            },
            ["HealthCheckCustomConfig"] = new Dictionary<string, object> { ["FailureThreshold"] = 1 },
        });
        Assert.Equal("orders.internal.example.com", service.DnsName);
    }

    [Fact]
    public void RoutingPolicy_WeightedWithARecords_IsEmitted()
    {
        // aws-cdk #31719: the L2 alone would emit MULTIVALUE here.
        var stack = TestApp.CreateStack();
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", RoutingPolicy = RoutingPolicy.WEIGHTED, CustomHealthCheck = new() });
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["DnsConfig"] = new Dictionary<string, object> { ["RoutingPolicy"] = "WEIGHTED" },
        });
    }

    [Fact]
    public void ASrv_EmitsBothRecordsWithTheSameTtl()
    {
        var stack = TestApp.CreateStack();
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, DnsTtl = Duration.Seconds(5), CustomHealthCheck = new() });
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["DnsConfig"] = new Dictionary<string, object>
            {
                ["DnsRecords"] = new object[]
                {
                    new Dictionary<string, object> { ["Type"] = "A", ["TTL"] = 5 },
                    new Dictionary<string, object> { ["Type"] = "SRV", ["TTL"] = 5 },
                },
            },
        });
    }

    [Fact]
    public void ServiceArn_IsTheCloudMapServiceArn()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.PrivateNamespace(stack)));
        Assert.Equal(
            new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { stack.GetLogicalId((CfnElement)service.Resource.Node.DefaultChild!), "Arn" } },
            stack.Resolve(service.ServiceArn) as IDictionary<string, object>,
            new JsonEquality());
    }

    [Fact]
    public void ImportedNamespace_ServiceUsesItsId()
    {
        var stack = TestApp.CreateStack();
        var ns = PrivateDnsDiscoveryNamespace.FromAttributes(stack, "Shared", new DiscoveryNamespaceAttributes
        {
            NamespaceId = "ns-ylexjili4cdxy3xm",
            NamespaceArn = "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-ylexjili4cdxy3xm",
            NamespaceName = "shared.example.com",
        });
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(ns));
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["DnsConfig"] = new Dictionary<string, object> { ["NamespaceId"] = "ns-ylexjili4cdxy3xm" },
        });
        Assert.Equal("orders.shared.example.com", service.DnsName);
    }

    [Fact]
    public void ManyErrors_AreReportedTogether()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "Orders!",
            DnsTtl = Duration.Millis(500),
            Route53HealthCheck = new() { FailureThreshold = 20 },
        }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders' has 4 invalid settings:\n"
            + " - DiscoveryService 'TestStack/Orders': Name 'Orders!' is invalid: use dot-separated labels of 1-63 letters, digits, '_' or '-', not starting or ending with '-' (a one-character label is a letter or digit). Use a DNS-style name such as 'orders' or '_orders._tcp'. [ecs-discovery:service-name]\n"
            + " - DiscoveryService 'TestStack/Orders': DnsTtl 500 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]\n"
            + " - DiscoveryService 'TestStack/Orders': Route53HealthCheck is not allowed in a private DNS namespace: Route 53 cannot reach addresses inside a VPC. Use CustomHealthCheck instead (ECS reports task health through it). [ecs-discovery:route53-health-check-private-dns]\n"
            + " - DiscoveryService 'TestStack/Orders': Route53HealthCheck.FailureThreshold 20 is out of range: use 1-10. Use e.g. 3 consecutive failures. [ecs-discovery:route53-health-check-threshold]",
            error.Message);
        Assert.Equal("TestStack/Orders", error.ConstructPath);
    }

    [Fact]
    public void Golden_SrvWithIpv6()
    {
        // As aws-cdk's integ test service-with-srv-record-combinations: AAAA+SRV and A+AAAA+SRV in one namespace.
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "AaaaSrv", new DiscoveryServiceProps { Namespace = ns, Name = "aaaa-srv", DnsRecords = DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, CustomHealthCheck = new CustomHealthCheckOptions() });
        _ = new DiscoveryService(stack, "AAaaaSrv", new DiscoveryServiceProps { Namespace = ns, Name = "a-aaaa-srv", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, DnsTtl = Duration.Seconds(30), CustomHealthCheck = new CustomHealthCheckOptions() });
        Snapshot.Match(stack);
    }

    [Fact]
    public void Golden_ASrvWithWeightedRouting()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "orders",
            DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv,
            DnsTtl = Duration.Seconds(5),
            RoutingPolicy = RoutingPolicy.WEIGHTED,
            CustomHealthCheck = new CustomHealthCheckOptions(),
        });
        Snapshot.Match(stack);
    }

    [Fact]
    public void Golden_Cname()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "Www", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "www",
            DnsRecords = DiscoveryRecordTypes.Cname,
            DnsTtl = Duration.Seconds(30),
        });
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }

    [Fact]
    public void Golden_ApiOnlyInDnsNamespace()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "jobs",
            Discovery = DiscoveryType.API,
            Description = "Queue workers: found through DiscoverInstances, not DNS",
            CustomHealthCheck = new CustomHealthCheckOptions(),
        });
        Snapshot.Match(stack);
    }

    [Fact]
    public void GrantDiscoverInstances_AllowsThisServiceOfThisNamespaceOnly()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "orders"));
        var reporting = new Amazon.CDK.AWS.IAM.Role(stack, "Reporting", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com") });

        _ = service.GrantDiscoverInstances(reporting);

        Assert.Contains("\"Action\":[\"servicediscovery:DiscoverInstances\",\"servicediscovery:DiscoverInstancesRevision\"]", Templates.Text(stack), StringComparison.Ordinal);
        Assert.Contains("\"servicediscovery:NamespaceName\":\"internal-api\",\"servicediscovery:ServiceName\":\"orders\"", Templates.Text(stack), StringComparison.Ordinal);
        Assert.Equal("grantee", Assert.Throws<ArgumentNullException>(() => service.GrantDiscoverInstances(null!)).ParamName);
    }

    [Fact]
    public void AnApiOnlyService_HasNoDnsTtl()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack)));
        Assert.Equal((false, DiscoveryRecordTypes.None), (service.UsesDns, service.DnsRecords));
        Assert.Null(service.DnsTtl);
        Assert.Null(service.RoutingPolicy);
    }

    [Fact]
    public void NullProps_AreRefusedByName()
    {
        var stack = TestApp.CreateStack();
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new DiscoveryService(stack, "Api", null!)).ParamName);
    }

    [Fact]
    public void NullInstanceOptionsOrLoadBalancer_AreNamedInTheMessage()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "api", LoadBalancer = true });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': options (null) is required. Set options; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterIpInstance("Host", null!)).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': options (null) is required. Set options; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterCnameInstance("Alias", null!)).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': options (null) is required. Set options; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterNonIpInstance("Thing", null!)).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': loadBalancer (null) is required. Set loadBalancer; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterLoadBalancer("Lb", null!)).Errors);
    }

    [Fact]
    public void ALoadBalancersAttributes_AreCheckedLikeAnyInstances()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "api", LoadBalancer = true });
        var lb = new ApplicationLoadBalancer(stack, "Lb", new ApplicationLoadBalancerProps { Vpc = TestApp.ImportedVpc(stack) });
        var error = Findings.Error(() => service.RegisterLoadBalancer("Alias", lb, new Dictionary<string, string> { ["team"] = new string('v', 1025) }));
        Assert.Single(error.Errors);
        Assert.Contains("[ecs-discovery:instance-attributes]", error.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ARoute53CheckWithoutAPath_ChecksTheRoot_AndATcpCheckHasNoPath()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "Web", new DiscoveryServiceProps { Namespace = ns, Name = "web", Route53HealthCheck = new Route53HealthCheckOptions() });
        _ = new DiscoveryService(stack, "Tcp", new DiscoveryServiceProps { Namespace = ns, Name = "tcp", Route53HealthCheck = new Route53HealthCheckOptions { Type = HealthCheckType.TCP } });
        var byName = Templates.OfType(stack, "AWS::ServiceDiscovery::Service").Values
            .Select(r => r["Properties"]!.AsObject())
            .ToDictionary(p => Templates.Str(p["Name"]), p => p["HealthCheckConfig"]!.AsObject());
        Assert.Equal(("HTTP", "/", 1.0), (Templates.Str(byName["web"]["Type"]), Templates.Str(byName["web"]["ResourcePath"]), byName["web"]["FailureThreshold"]!.GetValue<double>()));
        Assert.Equal("TCP", Templates.Str(byName["tcp"]["Type"]));
        Assert.False(byName["tcp"].ContainsKey("ResourcePath"));
    }

    [Fact]
    public void AnImportedService_IsAnObjectTheCdkTakes_WhereItTakesAResource()
    {
        var stack = TestApp.CreateStack();
        var imported = DiscoveryService.FromServiceAttributes(stack, "Billing", new DiscoveryServiceAttributes
        {
            ServiceArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1234567890abcdef",
            ServiceId = "srv-1234567890abcdef",
            ServiceName = "billing",
            Namespace = Fixtures.PrivateNamespace(stack),
        });
        // The CDK's JavaScript reads the node and stack of what it is given: a plain .NET object cannot cross into it.
        Assert.Equal(stack.StackName, Stack.Of(imported).StackName);
        Amazon.CDK.Tags.Of(imported).Add("team", "payments");
        Assert.Equal($"{stack.Node.Path}/Billing", imported.Node.Path);
    }
}
