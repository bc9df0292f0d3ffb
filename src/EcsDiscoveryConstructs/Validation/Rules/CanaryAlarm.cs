namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The alarm's periods are ones CloudWatch accepts.</summary>
internal sealed class CanaryAlarm : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-alarm-periods",
        RuleLevel.Error,
        "DiscoveryCanary AlarmEvaluationPeriods is at least 1, AlarmDatapointsToAlarm is from 1 to AlarmEvaluationPeriods, and the periods times the schedule are at most one day.",
        "PutMetricAlarm refuses EvaluationPeriods below 1, DatapointsToAlarm above EvaluationPeriods, and an evaluation range over 86,400 s for periods under an hour.");

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

        if (subject.ScheduleMinutes is { } minutes && double.IsFinite(minutes) && minutes >= 1 && periods * minutes * 60 > 86_400)
        {
            yield return new Violation($"AlarmEvaluationPeriods {periods}", $"times the schedule ({minutes:0.##} min) is {periods * minutes / 60:0.#} hours, over CloudWatch's one day", $"Use at most {Math.Max(1, (int)(1440 / minutes))} periods for this schedule.");
        }
    }
}
