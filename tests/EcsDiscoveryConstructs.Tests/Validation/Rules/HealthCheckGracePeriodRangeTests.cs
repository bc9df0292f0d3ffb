using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class HealthCheckGracePeriodRangeTests
{
    private static DiscoverableFargateService Service(Workloads w, Duration period, PropagatedTagSource? propagate = null) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        HealthCheckGracePeriod = period,
        PropagateTags = propagate,
    });

    [Fact]
    public void WholeSeconds_AndPropagateTags_AreEmitted()
    {
        var w = new Workloads();
        _ = Service(w, Duration.Seconds(90), PropagatedTagSource.SERVICE);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["HealthCheckGracePeriodSeconds"] = 90, ["PropagateTags"] = "SERVICE" });
    }

    [Fact]
    public void FractionalSeconds_FailWithOurMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Service(w, Duration.Millis(1500)));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': HealthCheckGracePeriod 1500 ms is out of range: use a whole number of seconds from 0 to 2147483647. Use Duration.Seconds(n), e.g. Duration.Seconds(60). [ecs-discovery:health-check-grace-period]"],
            error.Errors);
    }

    [Fact]
    public void TheLongestPeriod_IsEmitted()
    {
        var w = new Workloads();
        _ = Service(w, Duration.Seconds(int.MaxValue));
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["HealthCheckGracePeriodSeconds"] = int.MaxValue });
    }

    [Fact]
    public void OneSecondOverTheLongest_FailsWithOurMessage()
    {
        var w = new Workloads();
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': HealthCheckGracePeriod 2147483648 s is out of range: use a whole number of seconds from 0 to 2147483647. Use Duration.Seconds(n), e.g. Duration.Seconds(60). [ecs-discovery:health-check-grace-period]"], Findings.Error(() => Service(w, Duration.Seconds(2147483648d))).Errors);
    }

    [Theory]
    [InlineData(1e20, "100000000000000000 s")]
    [InlineData(1e23, "100000000000000000000000 ms")]
    [InlineData(1500.123456, "1500.1235 ms")]
    public void HugeAndFinelyFractionalPeriods_AreShownWithoutExponentsAndAtMostFourDecimals(double millis, string shown)
    {
        // 1e23 ms is past what jsii hands .NET as milliseconds: the rule reads it in days.
        var w = new Workloads();
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': HealthCheckGracePeriod {shown} is out of range: use a whole number of seconds from 0 to 2147483647. Use Duration.Seconds(n), e.g. Duration.Seconds(60). [ecs-discovery:health-check-grace-period]"],
            Findings.Error(() => Service(w, Duration.Millis(millis))).Errors);
    }
}
