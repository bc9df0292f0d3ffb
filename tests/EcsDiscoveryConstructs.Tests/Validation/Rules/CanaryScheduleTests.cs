using Amazon.CDK;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CanaryScheduleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1440)]
    public void WholeMinutesInRange_BecomeTheRuleRateAndTheAlarmPeriod(int minutes)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(minutes), AlarmEvaluationPeriods = 1 });
        _ = create();
        Assert.Equal(minutes == 1 ? "rate(1 minute)" : "rate(1 day)", Templates.Str(CanaryFixtures.Properties(w.Stack, "AWS::Events::Rule")["ScheduleExpression"]));
        Assert.Equal((double)minutes * 60, CanaryFixtures.Number(w.Stack, "AWS::CloudWatch::Alarm", "Period"));
    }

    [Fact]
    public void DefaultSchedule_IsFiveMinutes()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = create();
        Assert.Equal("rate(5 minutes)", Templates.Str(CanaryFixtures.Properties(w.Stack, "AWS::Events::Rule")["ScheduleExpression"]));
    }

    [Theory]
    [InlineData(30_000, "30 s")]
    [InlineData(90_000, "90 s")]
    [InlineData(0, "0 s")]
    [InlineData(1441 * 60_000, "86460 s")]
    [InlineData(60_000.5, "60000.5 ms")]
    public void OtherDurations_FailWithOurMessage(double millis, string shown)
    {
        Assert.Equal(
            [$"DiscoveryCanary 'TestStack/Canary': Schedule {shown} is not a whole number of minutes from 1 to 1440. Use Duration.Minutes(n) with n from 1 to 1440, e.g. Duration.Minutes(5). [ecs-discovery:canary-schedule]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Millis(millis) }));
    }

    [Fact]
    public void ATokenSchedule_FailsWithOurMessage()
    {
        var errors = CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(new CfnParameter(w.Stack, "Minutes", new CfnParameterProps { Type = "Number" }).ValueAsNumber) });
        Assert.Equal(["DiscoveryCanary 'TestStack/Canary': Schedule (a token) is resolved only at deploy, but the schedule rule and the alarm period need it at synth. Use Duration.Minutes(n) with a literal n. [ecs-discovery:canary-schedule]"], errors);
    }

    [Fact]
    public void TheShortestAndLongestSchedules_AreComparedWithTimeoutAndAlarm()
    {
        Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': Timeout 60 s is not shorter than the schedule (1 min), so runs could overlap. Shorten Timeout or lengthen Schedule. [ecs-discovery:canary-timeout]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(1), Timeout = Duration.Seconds(60) }));
        Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods 8 times the schedule (1440 min) is 192 hours, over CloudWatch's seven days. Use at most 7 periods for this schedule. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(1440), AlarmEvaluationPeriods = 8 }));
    }
}
