using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class InstanceKindTests
{
    [Fact]
    public void IpInstanceOnAnASrvService_IsRegisteredWithItsAttributes()
    {
        // As aws-cdk's integ tests register instances on their services.
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        _ = service.AddInstance("Web1", new DiscoveryInstanceOptions { Ipv4 = "10.0.0.5", Port = 8080, InstanceId = "web-1", Attributes = new Dictionary<string, string> { ["zone"] = "a" } });
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object>
        {
            ["InstanceId"] = "web-1",
            ["InstanceAttributes"] = new Dictionary<string, object> { ["AWS_INSTANCE_IPV4"] = "10.0.0.5", ["AWS_INSTANCE_PORT"] = "8080", ["zone"] = "a" },
        });
    }

    [Fact]
    public void CnameAndNonIpInstances_AreRegisteredOnTheirKindOfService()
    {
        var stack = TestApp.CreateStack();
        var cname = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        _ = cname.AddInstance("Old", new DiscoveryInstanceOptions { Cname = "old.example.com" });
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.AddInstance("Endpoint", new DiscoveryInstanceOptions { Attributes = new Dictionary<string, string> { ["url"] = "https://api.example.com" } });
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object> { ["InstanceAttributes"] = new Dictionary<string, object> { ["AWS_INSTANCE_CNAME"] = "old.example.com" } });
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object> { ["InstanceAttributes"] = new Dictionary<string, object> { ["url"] = "https://api.example.com" } });
    }

    [Fact]
    public void InstanceThatDoesNotFitTheRecords_FailsWithMessages()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        var error = Findings.Error(() => service.AddInstance("Bad", new DiscoveryInstanceOptions { Ipv4 = "10.0.0.256", Ipv6 = "10.0.0.1", Port = 70000 }));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Orders': Ipv4 '10.0.0.256' is not an IPv4 address. Use dotted form, e.g. 10.0.0.5. [ecs-discovery:instance-kind]",
                "DiscoveryService 'TestStack/Orders': Ipv6 '10.0.0.1' is not an IPv6 address. Use e.g. 2001:db8::5. [ecs-discovery:instance-kind]",
                "DiscoveryService 'TestStack/Orders': Port 70000 is out of range: use 1-65535. Use the port the instance listens on, e.g. 8080. [ecs-discovery:instance-kind]",
            ],
            error.Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Ipv4, Ipv6, Port and Cname (none set) make a non-IP instance, which only API-only services take; this one answers DNS with A+SRV. Give the instance the addresses its records need, e.g. Ipv4 = \"10.0.0.5\". [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("NoAddress", new DiscoveryInstanceOptions { Attributes = new Dictionary<string, string> { ["x"] = "y" } })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Port (not set) is required: the service has SRV records. Set Port. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("NoPort", new DiscoveryInstanceOptions { Ipv4 = "10.0.0.5" })).Errors);
    }

    [Fact]
    public void LoadBalancer_OnAServiceWithoutLoadBalancerTrue_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var alb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(stack, "Alb", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = vpc });
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.PublicNamespace(stack)));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': load balancer needs a service created with LoadBalancer = true and A or AAAA records (alias records). Create the service with LoadBalancer = true, e.g. DnsRecords = DiscoveryRecordTypes.A. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddLoadBalancer("Alb", alb)).Errors);
    }

    [Fact]
    public void LoadBalancer_OnALoadBalancerService_IsAnAliasInstance()
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var alb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(stack, "Alb", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = vpc });
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "orders", LoadBalancer = true });
        _ = service.AddLoadBalancer("Alb", alb);
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object>
        {
            ["InstanceAttributes"] = new Dictionary<string, object> { ["AWS_ALIAS_DNS_NAME"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Template.FromStack(stack).FindResources("AWS::ElasticLoadBalancingV2::LoadBalancer").Keys.Single(), "DNSName" } } },
        });
    }

    [Fact]
    public void CnameInstance_OnAnIpService_FailsNamingTheServiceRecords()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Cname 'old.example.com' needs a service with CNAME records, but this one has A+SRV. Register an IP instance, or add it to a CNAME service. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("Old", new DiscoveryInstanceOptions { Cname = "old.example.com" })).Errors);
    }

    [Fact]
    public void CnameInstanceWithAnAddress_FailsAsTwoKindsOfInstance()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Legacy': Cname with Ipv4, Ipv6 or Port mixes two kinds of instance. Give a CNAME instance only its Cname. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("Old", new DiscoveryInstanceOptions { Cname = "old.example.com", Ipv4 = "10.0.0.5" })).Errors);
    }

    [Fact]
    public void IpInstance_OnACnameService_FailsOnceWithoutCheckingItsAddresses()
    {
        // The address is malformed too: the kind is wrong, so the address is not worth a second line.
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Legacy': Ipv4, Ipv6 or Port cannot join a CNAME service. Register a CNAME instance (Cname = \"host.example.com\") instead. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("Web", new DiscoveryInstanceOptions { Ipv4 = "not-an-address" })).Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NonIpInstance_WithoutAttributes_FailsWithNothingToDiscoverItBy(bool emptyDictionary)
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var options = new DiscoveryInstanceOptions { Attributes = emptyDictionary ? new Dictionary<string, string>() : null };
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': Attributes (none) leave a non-IP instance with nothing to discover it by. Add at least one attribute, e.g. [\"url\"] = \"https://orders.example.com\". [ecs-discovery:instance-kind]"],
            Findings.Error(() => api.AddInstance("Endpoint", options)).Errors);
    }

    [Fact]
    public void AddressesTheRecordsNeed_MissingEach_FailsNamingTheRecord()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Ipv4 (not set) is required: the service has A records. Set Ipv4. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("V6", new DiscoveryInstanceOptions { Ipv6 = "2001:db8::5" })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Ipv6 (not set) is required: the service has AAAA records. Set Ipv6. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("V4", new DiscoveryInstanceOptions { Ipv4 = "10.0.0.5" })).Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void BothAddressesAndAPortAtTheEdgesOfTheRange_AreRegistered(int port)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        _ = service.AddInstance("Web", new DiscoveryInstanceOptions { Ipv4 = "10.0.0.5", Ipv6 = "2001:db8::5", Port = port });
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object>
        {
            ["InstanceAttributes"] = new Dictionary<string, object> { ["AWS_INSTANCE_IPV4"] = "10.0.0.5", ["AWS_INSTANCE_IPV6"] = "2001:db8::5", ["AWS_INSTANCE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void PortJustOutsideTheRange_Fails(int port)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Orders': Port {port} is out of range: use 1-65535. Use the port the instance listens on, e.g. 8080. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.AddInstance("Web", new DiscoveryInstanceOptions { Ipv4 = "10.0.0.5", Port = port })).Errors);
    }
}
