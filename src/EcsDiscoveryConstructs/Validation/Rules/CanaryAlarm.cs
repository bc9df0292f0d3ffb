namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The alarm's periods are ones CloudWatch accepts.</summary>
internal sealed class CanaryAlarm : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-alarm-periods",
        RuleLevel.Error,
        "DiscoveryCanary AlarmEvaluationPeriods is at least 1, AlarmDatapointsToAlarm is from 1 to AlarmEvaluationPeriods, and the periods times the schedule are at most one day (schedules under an hour) or seven days.",
        "PutMetricAlarm refuses EvaluationPeriods below 1, DatapointsToAlarm above EvaluationPeriods, and an evaluation range over 86,400 s for periods under an hour, over 604,800 s for longer ones.") { Reference = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html" };

    public IEnumerable<Violation> Check(CanarySpec subject)
    {
        var periods = subject.Props.AlarmEvaluationPeriods;
        if (periods < 1)
        {
            yield return new Violation($"AlarmEvaluationPeriods {periods}", "is below 1", "Use 1 or more (default 2).");
            yield break;
        }

        if (subject.Props.AlarmDatapointsToAlarm is { } datapoints && (datapoints < 1 || datapoints > periods))
        {
            yield return new Violation($"AlarmDatapointsToAlarm {datapoints}", $"is not from 1 to AlarmEvaluationPeriods ({periods})", $"Use a number from 1 to {periods}, or leave it unset.");
        }

        // PutMetricAlarm: "Period multiplied by EvaluationPeriods can't be more than 604,800 seconds. For alarms with a
        // period of less than one hour (3,600 seconds), the total evaluation period can't be longer than one day (86,400 seconds)."
        if (subject.ScheduleMinutes is { } minutes && double.IsFinite(minutes) && minutes >= 1)
        {
            var (limit, limitText) = minutes * 60 < 3600 ? (86_400, "one day for periods under an hour") : (604_800, "seven days");
            if (periods * minutes * 60 > limit)
            {
                yield return new Violation($"AlarmEvaluationPeriods {periods}", $"times the schedule ({minutes:0.##} min) is {periods * minutes / 60:0.#} hours, over CloudWatch's {limitText}", $"Use at most {Math.Max(1, (int)(limit / 60 / minutes))} periods for this schedule.");
            }
        }
    }
}
