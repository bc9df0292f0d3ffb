using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class Route53HealthCheckPathTests
{
    [Fact]
    public void Https_HealthPath_IsEmitted()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { Type = HealthCheckType.HTTPS, ResourcePath = "/health" } });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["HealthCheckConfig"] = new Dictionary<string, object> { ["Type"] = "HTTPS", ["ResourcePath"] = "/health" },
        });
    }

    [Fact]
    public void Http_PathWithoutSlash_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { ResourcePath = "health" } }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Www': Route53HealthCheck.ResourcePath 'health' is invalid: use a path starting with '/' of at most 255 characters. Use the health endpoint's path, e.g. '/health'. [ecs-discovery:route53-health-check-path]",
            error.Message);
    }

    [Fact]
    public void Http_Path256Characters_Fails()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var path = "/" + new string('p', 255);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { ResourcePath = path } }));
        Assert.Equal([$"DiscoveryService 'TestStack/Www': Route53HealthCheck.ResourcePath '{path}' is invalid: use a path starting with '/' of at most 255 characters. Use the health endpoint's path, e.g. '/health'. [ecs-discovery:route53-health-check-path]"], error.Errors);
    }

    [Fact]
    public void Http_Path255Characters_IsEmitted()
    {
        var stack = TestApp.CreateStack();
        var path = "/" + new string('p', 254);
        _ = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "www", Route53HealthCheck = new() { ResourcePath = path } });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["HealthCheckConfig"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["ResourcePath"] = path }),
        });
    }
}
