using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class TestTrafficRuleTests
{
    private const string Prefix = "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].TestTrafficHeader";

    [Fact]
    public void HeaderWithExactValue_IsEmittedOnTheClientAlias()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), new ServiceConnectTestTrafficHeader { Name = "x-canary", ExactValue = "green team" });
        var service = Templates.Objects((Templates.OnlyProperties(w.Stack, "AWS::ECS::Service")["ServiceConnectConfiguration"]!.AsObject())["Services"]).Single();
        var alias = Templates.Objects(service["ClientAliases"]).Single();
        Assert.Equal(8080d, alias["Port"]!.GetValue<double>());
        var header = alias["TestTrafficRules"]!["Header"]!.AsObject();
        Assert.Equal("x-canary", Templates.Str(header["Name"]));
        Assert.Equal("green team", Templates.Str(header["Value"]!["Exact"]));
    }

    [Fact]
    public void HeaderWithoutValue_EmitsNameOnly()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Linear(), new ServiceConnectTestTrafficHeader { Name = "x-test" });
        var text = Templates.Text(w.Stack);
        Assert.Contains("\"TestTrafficRules\":{\"Header\":{\"Name\":\"x-test\"}}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x test", "Name 'x test' is not an HTTP header name: use letters, digits and !#$%&'*+-.^_`|~ only. Use e.g. 'x-test-traffic'.")]
    [InlineData("x-tést", "Name 'x-tést' is not an HTTP header name: use letters, digits and !#$%&'*+-.^_`|~ only. Use e.g. 'x-test-traffic'.")]
    [InlineData("", "Name '' is not an HTTP header name: use letters, digits and !#$%&'*+-.^_`|~ only. Use e.g. 'x-test-traffic'.")]
    [InlineData("x:y", "Name 'x:y' is not an HTTP header name: use letters, digits and !#$%&'*+-.^_`|~ only. Use e.g. 'x-test-traffic'.")]
    public void BadHeaderName_FailsWithMessage(string name, string expected)
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), new ServiceConnectTestTrafficHeader { Name = name }));
        Assert.Equal($"{Prefix}.{expected} [ecs-discovery:test-traffic-rule]", error.Message);
    }

    [Theory]
    [InlineData(" green")]
    [InlineData("green\r\nx-evil: 1")]
    [InlineData("")]
    [InlineData("grün")]
    public void BadHeaderValue_FailsWithMessage(string value)
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), new ServiceConnectTestTrafficHeader { Name = "x-test", ExactValue = value }));
        Assert.Equal($"{Prefix}.ExactValue '{value}' is not an HTTP header value: use visible ASCII characters, with spaces or tabs only between them. Use e.g. 'green'. [ecs-discovery:test-traffic-rule]", error.Message);
    }

    [Fact]
    public void TcpEndpoint_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), new ServiceConnectTestTrafficHeader { Name = "x-test" }, tcp: true));
        Assert.Equal($"{Prefix} cannot be used with port mapping 'http', which has no AppProtocol (TCP): Service Connect routes test traffic by HTTP header. Remove TestTrafficHeader, or set AppProtocol = AppProtocol.Http (or Http2, Grpc) on the port mapping. [ecs-discovery:test-traffic-rule]", error.Message);
    }

    [Fact]
    public void RollingDeployment_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, null, new ServiceConnectTestTrafficHeader { Name = "x-test" }));
        Assert.Equal($"{Prefix} has no effect with a rolling deployment: test traffic exists only during blue/green, linear and canary deployments. Set DeploymentStrategy = ServiceDeploymentStrategy.BlueGreen() (or Linear, Canary), or remove TestTrafficHeader. [ecs-discovery:test-traffic-rule]", error.Message);
    }
}
