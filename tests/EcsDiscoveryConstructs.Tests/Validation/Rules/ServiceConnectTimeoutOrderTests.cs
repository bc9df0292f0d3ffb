using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceConnectTimeoutOrderTests
{
    private const string Rule = "service-connect-timeout-order";

    [Fact]
    public void IdleShorterThanPerRequest_Warns_NamingBothValues()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", IdleTimeout = Duration.Seconds(60), PerRequestTimeout = Duration.Minutes(2) });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IdleTimeout 60 s is shorter than PerRequestTimeout 120 s: ECS closes the connection at the idle timeout, so a slow request fails before its per-request timeout. Set IdleTimeout at least as long as PerRequestTimeout (or 0 to disable it). [ecs-discovery:service-connect-timeout-order]"],
            Findings.Warnings(w.Stack, Rule));
    }

    [Fact]
    public void DefaultIdleOfFiveMinutes_ShorterThanPerRequest_Warns_AsTheEffectiveValue()
    {
        var w = new Workloads();
        _ = w.ScService("Reports", "reports", new ServiceConnectEndpoint { PortMappingName = "http", PerRequestTimeout = Duration.Minutes(10) });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Reports': ServiceConnect.Endpoints[0].IdleTimeout (not set; ECS uses 5 minutes for http) is shorter than PerRequestTimeout 600 s: ECS closes the connection at the idle timeout, so a slow request fails before its per-request timeout. Set IdleTimeout at least as long as PerRequestTimeout (or 0 to disable it). [ecs-discovery:service-connect-timeout-order]"],
            Findings.Warnings(w.Stack, Rule));
    }

    [Theory]
    [InlineData(0, 600)] // idle disabled
    [InlineData(600, 0)] // per-request disabled
    [InlineData(120, 120)]
    [InlineData(300, 30)]
    public void IdleAtLeastPerRequest_OrEitherDisabled_DoesNotWarn(int idleSeconds, int perRequestSeconds)
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", IdleTimeout = Duration.Seconds(idleSeconds), PerRequestTimeout = Duration.Seconds(perRequestSeconds) });
        Assert.Empty(Findings.Warnings(w.Stack, Rule));
    }
}
