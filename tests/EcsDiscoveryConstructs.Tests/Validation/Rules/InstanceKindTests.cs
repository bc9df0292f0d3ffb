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
        _ = service.RegisterIpInstance("Web1", new IpInstanceOptions { Ipv4 = "10.0.0.5", Port = 8080, InstanceId = "web-1", CustomAttributes = new Dictionary<string, string> { ["zone"] = "a" } });
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
        _ = cname.RegisterCnameInstance("Old", new CnameInstanceOptions { InstanceCname = "old.example.com" });
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["url"] = "https://api.example.com" } });
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object> { ["InstanceAttributes"] = new Dictionary<string, object> { ["AWS_INSTANCE_CNAME"] = "old.example.com" } });
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", new Dictionary<string, object> { ["InstanceAttributes"] = new Dictionary<string, object> { ["url"] = "https://api.example.com" } });
    }

    [Fact]
    public void InstanceThatDoesNotFitTheRecords_FailsWithMessages()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        var error = Findings.Error(() => service.RegisterIpInstance("Bad", new IpInstanceOptions { Ipv4 = "10.0.0.256", Ipv6 = "10.0.0.1", Port = 70000 }));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Orders': Ipv4 '10.0.0.256' is not an IPv4 address as Route 53 answers it: use four decimal numbers 0-255 without leading zeros. Use dotted form, e.g. 10.0.0.5. [ecs-discovery:instance-kind]",
                "DiscoveryService 'TestStack/Orders': Ipv6 '10.0.0.1' is not an IPv6 address as Route 53 answers it: use hex groups with at most one '::', without brackets, zone or prefix length. Use e.g. 2001:db8::5. [ecs-discovery:instance-kind]",
                "DiscoveryService 'TestStack/Orders': Port 70000 is out of range: use 1-65535. Use the port the instance listens on, e.g. 8080. [ecs-discovery:instance-kind]",
            ],
            error.Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': A non-IP instance joins only an API-only service; this one answers DNS with A+SRV. Use RegisterIpInstance with the addresses its records need, e.g. Ipv4 = \"10.0.0.5\". [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterNonIpInstance("NoAddress", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["x"] = "y" } })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Port (not set) is required: the service has SRV records. Set Port. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("NoPort", new IpInstanceOptions { Ipv4 = "10.0.0.5" })).Errors);
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
            Findings.Error(() => service.RegisterLoadBalancer("Alb", alb)).Errors);
    }

    [Fact]
    public void LoadBalancer_OnALoadBalancerService_IsAnAliasInstance()
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var alb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(stack, "Alb", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = vpc });
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "orders", LoadBalancer = true });
        _ = service.RegisterLoadBalancer("Alb", alb);
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
            ["DiscoveryService 'TestStack/Orders': InstanceCname 'old.example.com' needs a service with CNAME records, but this one has A+SRV. Use RegisterIpInstance, or add it to a CNAME service. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterCnameInstance("Old", new CnameInstanceOptions { InstanceCname = "old.example.com" })).Errors);
    }

    [Fact]
    public void CnameInstanceWithoutItsCname_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Legacy': InstanceCname (null) is required. Set InstanceCname; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterCnameInstance("Old", new CnameInstanceOptions())).Errors);
    }

    [Fact]
    public void IpInstance_OnACnameService_FailsOnceWithoutCheckingItsAddresses()
    {
        // The address is malformed too: the kind is wrong, so the address is not worth a second line.
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Legacy': An IP instance cannot join a CNAME service. Use RegisterCnameInstance (InstanceCname = \"host.example.com\") instead. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "not-an-address" })).Errors);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NonIpInstance_WithoutAttributes_FailsWithNothingToDiscoverItBy(bool emptyDictionary)
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var options = new NonIpInstanceOptions { CustomAttributes = emptyDictionary ? new Dictionary<string, string>() : null };
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': CustomAttributes (none) leave a non-IP instance with nothing to discover it by. Add at least one attribute, e.g. [\"url\"] = \"https://orders.example.com\". [ecs-discovery:instance-kind]"],
            Findings.Error(() => api.RegisterNonIpInstance("Endpoint", options)).Errors);
    }

    [Fact]
    public void AddressesTheRecordsNeed_MissingEach_FailsNamingTheRecord()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Ipv4 (not set) is required: the service has A records. Set Ipv4. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("V6", new IpInstanceOptions { Ipv6 = "2001:db8::5" })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Ipv6 (not set) is required: the service has AAAA records. Set Ipv6. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("V4", new IpInstanceOptions { Ipv4 = "10.0.0.5" })).Errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void BothAddressesAndAPortAtTheEdgesOfTheRange_AreRegistered(int port)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        _ = service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "10.0.0.5", Ipv6 = "2001:db8::5", Port = port });
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
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "10.0.0.5", Port = port })).Errors);
    }

    [Theory]
    [InlineData("0x0a.0.0.5")]
    [InlineData("010.0.0.2")]
    [InlineData("10.0.0")]
    [InlineData("167772165")]
    [InlineData(" 10.0.0.5")]
    public void Ipv4InAFormDotNetReadsButRoute53DoesNot_Fails(string ipv4)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.PrivateNamespace(stack)));
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Orders': Ipv4 '{ipv4}' is not an IPv4 address as Route 53 answers it: use four decimal numbers 0-255 without leading zeros. Use dotted form, e.g. 10.0.0.5. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = ipv4 })).Errors);
    }

    [Theory]
    [InlineData("[2001:db8::5]")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8::5/128")]
    [InlineData("::ffff:010.0.0.5")]
    public void Ipv6InAFormDotNetReadsButRoute53DoesNot_Fails(string ipv6)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.Aaaa, CustomHealthCheck = new() });
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Orders': Ipv6 '{ipv6}' is not an IPv6 address as Route 53 answers it: use hex groups with at most one '::', without brackets, zone or prefix length. Use e.g. 2001:db8::5. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv6 = ipv6 })).Errors);
    }

    [Fact]
    public void Ipv6InEveryRfc4291Form_IsRegisteredAsWritten()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.Aaaa, CustomHealthCheck = new() });
        _ = service.RegisterIpInstance("Full", new IpInstanceOptions { Ipv6 = "2001:0DB8:85a3:0000:0000:abcd:0001:2345" });
        _ = service.RegisterIpInstance("Mapped", new IpInstanceOptions { Ipv6 = "::ffff:10.0.0.5" });
        var written = Templates.OfType(stack, "AWS::ServiceDiscovery::Instance").Values
            .Select(r => Templates.Str(r["Properties"]!["InstanceAttributes"]!["AWS_INSTANCE_IPV6"]));
        Assert.Equal(["2001:0DB8:85a3:0000:0000:abcd:0001:2345", "::ffff:10.0.0.5"], written.Order());
    }

    [Theory]
    [InlineData("", "has 0 characters without the final dot: use 1-253")]
    [InlineData("old example.com", "contains spaces, control characters or characters outside ASCII")]
    [InlineData("bücher.example.com", "contains spaces, control characters or characters outside ASCII")]
    [InlineData("old..example.com", "has an empty label or one longer than 63 characters")]
    public void CnameThatIsNoDomainName_FailsNamingWhy(string cname, string problem)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Legacy': InstanceCname '{cname}' is not a domain name Route 53 accepts: it {problem}. Use the target's host name, e.g. \"old.example.com\". [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterCnameInstance("Old", new CnameInstanceOptions { InstanceCname = cname })).Errors);
    }

    [Fact]
    public void CnameOf300Characters_FailsWithItsLength_253WithTheRootDotIsRegistered()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Legacy", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "legacy", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        var longest = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61) + ".";
        _ = service.RegisterCnameInstance("Longest", new CnameInstanceOptions { InstanceCname = longest });
        var tooLong = string.Join('.', Enumerable.Repeat(new string('a', 59), 5));
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Legacy': InstanceCname '{tooLong}' is not a domain name Route 53 accepts: it has 299 characters without the final dot: use 1-253. Use the target's host name, e.g. \"old.example.com\". [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterCnameInstance("Long", new CnameInstanceOptions { InstanceCname = tooLong })).Errors);
    }

    [Fact]
    public void SrvOnlyInstanceWithOnlyAPort_FailsAsAnSrvTargetWithoutAddress()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': Ipv4 and Ipv6 (neither set) leave the SRV record's target without an address: Cloud Map needs one or both. Set Ipv4, Ipv6 or both. [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Port = 8080 })).Errors);
        _ = service.RegisterIpInstance("V6", new IpInstanceOptions { Ipv6 = "2001:db8::5", Port = 8080 });
    }

    [Fact]
    public void ImportedLoadBalancerWithoutADnsName_FailsInsteadOfTheCdksError()
    {
        var stack = TestApp.CreateStack();
        var alb = Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer.FromApplicationLoadBalancerAttributes(stack, "Alb", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerAttributes
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
            SecurityGroupId = "sg-12345678",
        });
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "orders", LoadBalancer = true });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': load balancer (no DNS name) gives the alias record nothing to point to: its import names no LoadBalancerDnsName. Import it with LoadBalancerDnsName, e.g. FromApplicationLoadBalancerAttributes(..., new() { LoadBalancerDnsName = \"...\" }). [ecs-discovery:instance-kind]"],
            Findings.Error(() => service.RegisterLoadBalancer("Alb", alb)).Errors);
    }

    [Theory]
    [InlineData(null, 8080)]
    [InlineData("2001:db8::5", null)]
    public void IpInstanceWithoutIpv4_InAnApiOnlyService_FailsInsteadOfTheCdksError(string? ipv6, int? port)
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': Ipv4 (not set) is required for an IP instance of an API-only service: the CDK registers it as an instance for A records. Set Ipv4, or use RegisterNonIpInstance with attributes (e.g. [\"ipv6\"] = \"2001:db8::5\"). [ecs-discovery:instance-kind]"],
            Findings.Error(() => api.RegisterIpInstance("Web", new IpInstanceOptions { Ipv6 = ipv6, Port = port })).Errors);
        _ = api.RegisterIpInstance("Both", new IpInstanceOptions { Ipv4 = "10.0.0.5", Ipv6 = ipv6, Port = port });
    }
}
