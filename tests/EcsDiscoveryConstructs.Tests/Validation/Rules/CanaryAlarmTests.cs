using Amazon.CDK;
using Amazon.CDK.AWS.SNS;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CanaryAlarmTests
{
    [Fact]
    public void Periods_AreTheAlarms_AndATopicHearsAlarmAndOk()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, AlarmEvaluationPeriods = 3, AlarmDatapointsToAlarm = 2, AlarmTopic = new Topic(w.Stack, "Alerts") });
        _ = create();
        var alarm = CanaryFixtures.Properties(w.Stack, "AWS::CloudWatch::Alarm");
        Assert.Equal((3d, 2d, "breaching", "ChecksFailed", "EcsDiscovery"), (alarm["EvaluationPeriods"]!.GetValue<double>(), alarm["DatapointsToAlarm"]!.GetValue<double>(), Templates.Str(alarm["TreatMissingData"]), Templates.Str(alarm["MetricName"]), Templates.Str(alarm["Namespace"])));
        Assert.Single(alarm["AlarmActions"]!.AsArray());
        Assert.Single(alarm["OKActions"]!.AsArray());
    }

    [Fact]
    public void WithoutATopic_TheAlarmHasNoActions()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = create();
        var alarm = CanaryFixtures.Properties(w.Stack, "AWS::CloudWatch::Alarm");
        Assert.False(alarm.ContainsKey("AlarmActions"));
        Assert.Equal(2d, alarm["DatapointsToAlarm"]!.GetValue<double>());
    }

    [Fact]
    public void NoPeriods_FailWithOurMessage()
        => Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods 0 is below 1. Use 1 or more (default 2). [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, AlarmEvaluationPeriods = 0, AlarmDatapointsToAlarm = 1 }));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void DatapointsOutsideThePeriods_FailWithOurMessage(int datapoints)
        => Assert.Equal(
            [$"DiscoveryCanary 'TestStack/Canary': AlarmDatapointsToAlarm {datapoints} is not from 1 to AlarmEvaluationPeriods (2). Use a number from 1 to 2, or leave it unset. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, AlarmDatapointsToAlarm = datapoints }));

    [Fact]
    public void PeriodsOverADay_UnderAnHour_FailWithOurMessage()
        => Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods 25 times the schedule (59 min) is 24.6 hours, over CloudWatch's one day for periods under an hour. Use at most 24 periods for this schedule. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(59), AlarmEvaluationPeriods = 25 }));

    [Theory]
    [InlineData(60, 168)]
    [InlineData(721, 13)]
    [InlineData(1440, 7)]
    public void PeriodsOfAnHourOrMore_UpToSevenDays_AreTheAlarms(int scheduleMinutes, int periods)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(scheduleMinutes), AlarmEvaluationPeriods = periods });
        _ = create();
        Assert.Equal((periods, scheduleMinutes * 60d), (CanaryFixtures.Number(w.Stack, "AWS::CloudWatch::Alarm", "EvaluationPeriods"), CanaryFixtures.Number(w.Stack, "AWS::CloudWatch::Alarm", "Period")));
    }

    [Theory]
    [InlineData(60, 169, "169 times the schedule (60 min) is 169 hours", 168)]
    [InlineData(721, 14, "14 times the schedule (721 min) is 168.2 hours", 13)]
    [InlineData(1440, 8, "8 times the schedule (1440 min) is 192 hours", 7)]
    public void PeriodsOverSevenDays_FailWithTheLargestPeriodCount(int scheduleMinutes, int periods, string what, int most)
        => Assert.Equal(
            [$"DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods {what}, over CloudWatch's seven days. Use at most {most} periods for this schedule. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(scheduleMinutes), AlarmEvaluationPeriods = periods }));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void DatapointsFromOneToThePeriods_AreTheAlarms(int datapoints)
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, AlarmDatapointsToAlarm = datapoints });
        _ = create();
        Assert.Equal(datapoints, CanaryFixtures.Number(w.Stack, "AWS::CloudWatch::Alarm", "DatapointsToAlarm"));
    }

    [Fact]
    public void OneMinuteScheduleOverADay_FailsWithTheLargestPeriodCount()
        => Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods 1441 times the schedule (1 min) is 24 hours, over CloudWatch's one day for periods under an hour. Use at most 1440 periods for this schedule. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(1), Timeout = Duration.Seconds(30), AlarmEvaluationPeriods = 1441 }));
}
