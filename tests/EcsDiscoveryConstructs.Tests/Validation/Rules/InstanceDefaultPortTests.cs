using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class InstanceDefaultPortTests
{
    [Fact]
    public void IpInstanceWithoutAPort_InAServiceWithARoute53HealthCheck_IsRegisteredOnPort80WithAWarning()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Web", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "web", Route53HealthCheck = new() });
        _ = service.RegisterIpInstance("Web1", new IpInstanceOptions { Ipv4 = "192.0.2.44" });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Web': Port (not set) makes Route 53 health-check the instance on port 80, the port the CDK writes when none is given. Set Port to the port the instance serves (Port = 80 if that is it). [ecs-discovery:instance-default-port]"],
            Findings.Warnings(stack, "instance-default-port"));
        var attributes = Templates.OnlyProperties(stack, "AWS::ServiceDiscovery::Instance")["InstanceAttributes"]!.AsObject();
        Assert.Equal("80", Templates.Str(attributes["AWS_INSTANCE_PORT"]));
    }

    [Fact]
    public void IpInstanceWithAPort_OrWithoutARoute53HealthCheck_HasNoWarning()
    {
        var stack = TestApp.CreateStack();
        var checkedService = new DiscoveryService(stack, "Web", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "web", Route53HealthCheck = new() });
        _ = checkedService.RegisterIpInstance("Web1", new IpInstanceOptions { Ipv4 = "192.0.2.44", Port = 443 });
        var plain = new DiscoveryService(stack, "Plain", Fixtures.GoodService(checkedService.Namespace, "plain"));
        _ = plain.RegisterIpInstance("Vm", new IpInstanceOptions { Ipv4 = "192.0.2.45" });
        Assert.Empty(Findings.Warnings(stack, "instance-default-port"));
    }
}
