using Amazon.CDK;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CanaryTimeoutTests
{
    [Fact]
    public void ATimeoutShorterThanTheSchedule_IsTheFunctionTimeout()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Timeout = Duration.Seconds(299) });
        _ = create();
        Assert.Equal(299d, CanaryFixtures.Number(w.Stack, "AWS::Lambda::Function", "Timeout"));
    }

    [Theory]
    [InlineData(0, "0 s", "is not a whole number of seconds from 1 to 900. Use Duration.Seconds(n) with n from 1 to 900, e.g. Duration.Seconds(60).")]
    [InlineData(901_000, "901 s", "is not a whole number of seconds from 1 to 900. Use Duration.Seconds(n) with n from 1 to 900, e.g. Duration.Seconds(60).")]
    [InlineData(1500, "1500 ms", "is not a whole number of seconds from 1 to 900. Use Duration.Seconds(n) with n from 1 to 900, e.g. Duration.Seconds(60).")]
    [InlineData(300_000, "300 s", "is not shorter than the schedule (5 min), so runs could overlap. Shorten Timeout or lengthen Schedule.")]
    public void OtherTimeouts_FailWithOurMessage(double millis, string shown, string problem)
    {
        Assert.Equal(
            [$"DiscoveryCanary 'TestStack/Canary': Timeout {shown} {problem} [ecs-discovery:canary-timeout]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Timeout = Duration.Millis(millis) }));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(900, 16)]
    public void TimeoutsAtTheEdgesOfTheRange_AreTheFunctionTimeout(double seconds, double scheduleMinutes)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Timeout = Duration.Seconds(seconds), Schedule = Duration.Minutes(scheduleMinutes) });
        _ = create();
        Assert.Equal(seconds, CanaryFixtures.Number(w.Stack, "AWS::Lambda::Function", "Timeout"));
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 60)]
    [InlineData(5, 60)]
    public void WithoutATimeout_ARunEndsBeforeTheNextStarts(double scheduleMinutes, double seconds)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(scheduleMinutes) });
        _ = create();
        Assert.Equal(seconds, CanaryFixtures.Number(w.Stack, "AWS::Lambda::Function", "Timeout"));
    }

    [Fact]
    public void SixtySecondsOnAOneMinuteSchedule_FailsAsOverlapping()
        => Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': Timeout 60 s is not shorter than the schedule (1 min), so runs could overlap. Shorten Timeout or lengthen Schedule. [ecs-discovery:canary-timeout]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(1), Timeout = Duration.Seconds(60) }));

    [Fact]
    public void TokenTimeout_FailsAsNotComparable()
    {
        Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': Timeout (a token) is resolved only at deploy, so it cannot be compared with the schedule. Use Duration.Seconds(n) with a literal n. [ecs-discovery:canary-timeout]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Timeout = Duration.Seconds(new CfnParameter(w.Stack, "TimeoutSeconds", new CfnParameterProps { Type = "Number" }).ValueAsNumber) }));
    }
}
