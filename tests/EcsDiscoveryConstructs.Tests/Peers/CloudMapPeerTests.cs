using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Peers;

/// <summary>
/// aws-cdk's <c>aws-servicediscovery</c> integ tests, written with this library (docs/peer-parity.md). Each test fixes
/// what the peer's snapshot fixes; a name that says "Not" names a difference kept on purpose.
/// </summary>
public sealed class CloudMapPeerTests
{
    [Fact]
    public void Golden_ServiceWithCnameRecord()
    {
        var stack = TestApp.CreateStack();
        var ns = new PublicDnsDiscoveryNamespace(stack, "Namespace", new PublicDnsDiscoveryNamespaceProps { Name = "foobar.com" });
        var service = new DiscoveryService(stack, "Service", new DiscoveryServiceProps { Namespace = ns, Name = "foo", DnsRecords = DiscoveryRecordTypes.Cname, DnsTtl = Duration.Seconds(30) });
        _ = service.RegisterCnameInstance("CnameInstance", new CnameInstanceOptions { InstanceCname = "service.pizza" });

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::PublicDnsNamespace", Props(("Name", "foobar.com")));
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(
            ("Name", "foo"),
            ("DnsConfig", Props(("DnsRecords", Records(("CNAME", 30))), ("RoutingPolicy", "WEIGHTED")))));
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", Props(("InstanceAttributes", Props(("AWS_INSTANCE_CNAME", "service.pizza")))));
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Golden_ServiceWithHttpNamespace_NamedServices()
    {
        // The peer's services take generated names; ours are named (a name is what clients discover).
        var stack = TestApp.CreateStack();
        var ns = new HttpDiscoveryNamespace(stack, "MyNamespace", new HttpDiscoveryNamespaceProps { Name = "MyHTTPNamespace" });
        var nonIp = new DiscoveryService(stack, "NonIpService", new DiscoveryServiceProps { Namespace = ns, Name = "non-ip-service", Description = "service registering non-ip instances" });
        _ = nonIp.RegisterNonIpInstance("NonIpInstance", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["arn"] = "arn:aws:s3:::amzn-s3-demo-bucket" } });
        var ip = new DiscoveryService(stack, "IpService", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "ip-service",
            Description = "service registering ip instances",
            Route53HealthCheck = new Route53HealthCheckOptions { Type = HealthCheckType.HTTP, ResourcePath = "/check" },
        });
        _ = ip.RegisterIpInstance("IpInstance", new IpInstanceOptions { Ipv4 = "54.239.25.192" });

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::HttpNamespace", Props(("Name", "MyHTTPNamespace")));
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(("Description", "service registering non-ip instances"), ("Type", "HTTP")));
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(
            ("Description", "service registering ip instances"),
            ("HealthCheckConfig", Props(("Type", "HTTP"), ("ResourcePath", "/check"), ("FailureThreshold", 1)))));
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", Props(("InstanceAttributes", Props(("arn", "arn:aws:s3:::amzn-s3-demo-bucket")))));
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", Props(("InstanceAttributes", Props(("AWS_INSTANCE_IPV4", "54.239.25.192"), ("AWS_INSTANCE_PORT", "80")))));
        Snapshot.Match(stack);
        // The peer registers the health-checked instance without a port and relies on the CDK's 80: the same template, told.
        Assert.Equal(["instance-default-port"], PeerWarnings.Ours(stack).Select(w => System.Text.RegularExpressions.Regex.Match(w, @"\[ecs-discovery:([a-z-]+)\]$").Groups[1].Value));
    }

    [Fact]
    public void Golden_ServiceWithPrivateDnsNamespace_LoadBalancerAliasAndApiOnlyService()
    {
        var stack = TestApp.CreateStack();
        var vpc = Vpc.FromVpcAttributes(stack, "Vpc", new VpcAttributes
        {
            VpcId = "vpc-0123456789abcdef0",
            AvailabilityZones = ["us-east-1a", "us-east-1b"],
            PublicSubnetIds = ["subnet-0a0a0a0a", "subnet-0b0b0b0b"],
            PublicSubnetRouteTableIds = ["rtb-0a0a0a0a", "rtb-0b0b0b0b"],
            PrivateSubnetIds = ["subnet-1a1a1a1a", "subnet-1b1b1b1b"],
            PrivateSubnetRouteTableIds = ["rtb-1a1a1a1a", "rtb-1b1b1b1b"],
        });
        var ns = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "boobar.com", Vpc = vpc });
        var service = new DiscoveryService(stack, "Service", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "web",
            DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa,
            DnsTtl = Duration.Seconds(30),
            LoadBalancer = true,
        });
        var loadBalancer = new ApplicationLoadBalancer(stack, "LB", new ApplicationLoadBalancerProps { Vpc = vpc, InternetFacing = true });
        _ = service.RegisterLoadBalancer("Loadbalancer", loadBalancer);
        var arnService = new DiscoveryService(stack, "ArnService", new DiscoveryServiceProps { Namespace = ns, Name = "arn-service", Discovery = DiscoveryType.API });
        _ = arnService.RegisterNonIpInstance("NonIpInstance", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["arn"] = "arn://" } });

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(
            ("Name", "web"),
            ("DnsConfig", Props(("DnsRecords", Records(("A", 30), ("AAAA", 30))), ("RoutingPolicy", "WEIGHTED")))));
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(("Name", "arn-service"), ("Type", "HTTP")));
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", Props(("InstanceAttributes", Props(
            ("AWS_ALIAS_DNS_NAME", new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { template.FindResources("AWS::ElasticLoadBalancingV2::LoadBalancer").Keys.Single(), "DNSName" } })))));
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Golden_ServiceWithPublicDnsNamespace_Route53HealthCheckThresholdAsGiven()
    {
        var stack = TestApp.CreateStack();
        var ns = new PublicDnsDiscoveryNamespace(stack, "Namespace", new PublicDnsDiscoveryNamespaceProps { Name = "foobar.com" });
        var service = new DiscoveryService(stack, "Service", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "foo",
            DnsTtl = Duration.Seconds(30),
            Route53HealthCheck = new Route53HealthCheckOptions { Type = HealthCheckType.HTTPS, ResourcePath = "/healthcheck", FailureThreshold = 2 },
        });
        _ = service.RegisterIpInstance("IpInstance", new IpInstanceOptions { Ipv4 = "54.239.25.192", Port = 443 });

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(
            ("Name", "foo"),
            ("DnsConfig", Props(("DnsRecords", Records(("A", 30))), ("RoutingPolicy", "MULTIVALUE"))),
            ("HealthCheckConfig", Props(("Type", "HTTPS"), ("ResourcePath", "/healthcheck"), ("FailureThreshold", 2)))));
        template.HasResourceProperties("AWS::ServiceDiscovery::Instance", Props(("InstanceAttributes", Props(("AWS_INSTANCE_IPV4", "54.239.25.192"), ("AWS_INSTANCE_PORT", "443")))));
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Golden_ServiceWithSrvRecordCombinations_WarnsNotSilentWithoutHealthCheck()
    {
        var stack = TestApp.CreateStack();
        var ns = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "srv-combinations.local", Vpc = TestApp.ImportedVpc(stack) });
        var combinations = new (string Id, string Name, DiscoveryRecordTypes Records, string[] Types)[]
        {
            ("ASrvService", "a-srv", DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, ["A", "SRV"]),
            ("AaaaSrvService", "aaaa-srv", DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, ["AAAA", "SRV"]),
            ("AAaaaSrvService", "a-aaaa-srv", DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa | DiscoveryRecordTypes.Srv, ["A", "AAAA", "SRV"]),
        };
        foreach (var c in combinations)
        {
            _ = new DiscoveryService(stack, c.Id, new DiscoveryServiceProps { Namespace = ns, Name = c.Name, DnsRecords = c.Records, DnsTtl = Duration.Seconds(30) });
        }

        var template = Template.FromStack(stack);
        foreach (var c in combinations)
        {
            // The peer's deployed assertion: one record per constituent type, in this order, each with TTL 30.
            template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(
                ("Name", c.Name),
                ("DnsConfig", Props(("DnsRecords", Records(c.Types.Select(t => (t, 30)).ToArray())), ("RoutingPolicy", "MULTIVALUE")))));
        }

        Snapshot.Match(stack);
        // The peer's services have no health check; ours say what that costs (every address is answered).
        Assert.Equal(
            combinations.Select(c => $"DiscoveryService 'TestStack/{c.Id}'"),
            PeerWarnings.Ours(stack).Where(w => w.EndsWith("[ecs-discovery:no-health-check]", StringComparison.Ordinal)).Select(w => w[..w.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(3, PeerWarnings.Ours(stack).Count);
    }

    internal static Dictionary<string, object> Props(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    internal static object[] Records(params (string Type, int Ttl)[] records)
        => records.Select(r => (object)new Dictionary<string, object> { ["Type"] = r.Type, ["TTL"] = r.Ttl }).ToArray();
}
