using Amazon.CDK;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Tests.TestSupport;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ServiceConnectTimeoutsTests
{
    [Fact]
    public void IdleTimeoutZero_Passes()
    {
        var w = new Workloads();
        var service = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", IdleTimeout = Duration.Seconds(0) });
        Assert.Single(service.ServiceConnectAliases);
    }

    [Fact]
    public void FractionalIdleTimeout_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", IdleTimeout = Duration.Millis(1500) }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IdleTimeout 1500 ms is not a whole number of seconds. Use Duration.Seconds(n); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
            error.Message);
    }

    [Fact]
    public void PerRequestTimeoutAtTheMaximum_Passes()
    {
        var w = new Workloads();
        _ = w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", PerRequestTimeout = Duration.Seconds(2147483647) });
        Amazon.CDK.Assertions.Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object>
        {
            ["ServiceConnectConfiguration"] = Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object>
            {
                ["Services"] = new object[] { Amazon.CDK.Assertions.Match.ObjectLike(new Dictionary<string, object> { ["Timeout"] = new Dictionary<string, object> { ["PerRequestTimeoutSeconds"] = 2147483647 } }) },
            }),
        });
    }

    [Fact]
    public void PerRequestTimeoutAboveTheMaximum_FailsWithMessage()
    {
        // Found by the generator suite: ECS takes 0-2147483647 seconds; CDK does not check the upper bound.
        var w = new Workloads();
        var error = Findings.Error(() => w.ScService("Orders", "orders", new ServiceConnectEndpoint { PortMappingName = "http", PerRequestTimeout = Duration.Seconds(2147483648) }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PerRequestTimeout 2147483648 s is out of range: use 0-2147483647 seconds. Use a timeout of minutes or hours, e.g. Duration.Minutes(5); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
            error.Message);
    }

    [Fact]
    public void RegistrationDnsTtlAndServiceConnectTimeouts_Fractional_FailInTheParentsOneException()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsTtl = Duration.Millis(0.5) },
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = w.Namespace,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DiscoveryName = "orders-sc", IdleTimeout = Duration.Millis(0.5), PerRequestTimeout = Duration.Seconds(1.0005) }],
            },
        }));
        Assert.Equal(
            [
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].IdleTimeout 0.5 ms is not a whole number of seconds. Use Duration.Seconds(n); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
                "DiscoverableFargateService 'TestStack/Orders': ServiceConnect.Endpoints[0].PerRequestTimeout 1000.5 ms is not a whole number of seconds. Use Duration.Seconds(n); 0 disables the timeout. [ecs-discovery:service-connect-timeouts]",
                "DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 0.5 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]",
            ],
            error.Errors);
    }
}
