namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The canary's schedule is a rate EventBridge takes and a period CloudWatch alarms on.</summary>
internal sealed class CanarySchedule : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-schedule",
        RuleLevel.Error,
        "DiscoveryCanary Schedule is a whole number of minutes from 1 to 1440, known at synth.",
        "EventBridge rates are whole minutes (at least 1); the alarm's period is the schedule, and a day is the longest period that still alarms on every run.") { Reference = "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html" };

    public IEnumerable<Violation> Check(CanarySpec subject)
    {
        if (subject.Props.Schedule is not { } schedule)
        {
            yield break;
        }

        if (TokenGuard.MillisecondsOf(schedule) is not { } millis)
        {
            yield return new Violation("Schedule (a token)", "is resolved only at deploy, but the schedule rule and the alarm period need it at synth", "Use Duration.Minutes(n) with a literal n.");
        }
        else if (!double.IsFinite(millis) || millis % 60_000 != 0 || millis < 60_000 || millis > 1440 * 60_000)
        {
            yield return new Violation($"Schedule {TokenGuard.Describe(schedule)}", "is not a whole number of minutes from 1 to 1440", "Use Duration.Minutes(n) with n from 1 to 1440, e.g. Duration.Minutes(5).");
        }
    }
}
