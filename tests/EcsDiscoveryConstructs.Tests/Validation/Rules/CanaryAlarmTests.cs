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
        Assert.Equal((3d, 2d, "breaching", "ChecksFailed", "EcsDiscovery"), (Convert.ToDouble(alarm["EvaluationPeriods"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(alarm["DatapointsToAlarm"], System.Globalization.CultureInfo.InvariantCulture), alarm["TreatMissingData"], alarm["MetricName"], alarm["Namespace"]));
        Assert.Single((object[])alarm["AlarmActions"]);
        Assert.Single((object[])alarm["OKActions"]);
    }

    [Fact]
    public void WithoutATopic_TheAlarmHasNoActions()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = create();
        var alarm = CanaryFixtures.Properties(w.Stack, "AWS::CloudWatch::Alarm");
        Assert.False(alarm.ContainsKey("AlarmActions"));
        Assert.Equal(2d, Convert.ToDouble(alarm["DatapointsToAlarm"], System.Globalization.CultureInfo.InvariantCulture));
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
    public void PeriodsOverADay_FailWithOurMessage()
        => Assert.Equal(
            ["DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods 2 times the schedule (721 min) is 24 hours, over CloudWatch's one day. Use at most 1 periods for this schedule. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(721) }));

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
            ["DiscoveryCanary 'TestStack/Canary': AlarmEvaluationPeriods 1441 times the schedule (1 min) is 24 hours, over CloudWatch's one day. Use at most 1440 periods for this schedule. [ecs-discovery:canary-alarm-periods]"],
            CanaryFixtures.Errors(w => new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(1), Timeout = Duration.Seconds(30), AlarmEvaluationPeriods = 1441 }));
}
