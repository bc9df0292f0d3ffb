namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>One run fits Lambda's limit and ends before the next one starts.</summary>
internal sealed class CanaryTimeout : IPropsRule<CanarySpec>
{
    public RuleInfo Info => new(
        "canary-timeout",
        RuleLevel.Error,
        "DiscoveryCanary Timeout is a whole number of seconds from 1 to 900 and shorter than the schedule.",
        "Lambda's timeout is 1-900 whole seconds; a run that can outlast the schedule overlaps the next one and both report the same period.") { Reference = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html" };

    public IEnumerable<Violation> Check(CanarySpec subject)
    {
        var given = subject.Props.Timeout;
        var timeout = given ?? CanarySpec.DefaultTimeout(subject.ScheduleMinutes);
        if (TokenGuard.MillisecondsOf(timeout) is not { } millis)
        {
            yield return new Violation("Timeout (a token)", "is resolved only at deploy, so it cannot be compared with the schedule", "Use Duration.Seconds(n) with a literal n.");
        }
        else if (!TokenGuard.IsWholeSeconds(timeout) || millis < 1000 || millis > 900_000)
        {
            yield return new Violation($"Timeout {TokenGuard.Describe(timeout)}", "is not a whole number of seconds from 1 to 900", "Use Duration.Seconds(n) with n from 1 to 900, e.g. Duration.Seconds(60).");
        }
        else if (subject.ScheduleMinutes is { } minutes && millis >= minutes * 60_000)
        {
            yield return new Violation($"Timeout {TokenGuard.Describe(timeout)}", $"is not shorter than the schedule ({minutes:0.##} min), so runs could overlap", "Shorten Timeout or lengthen Schedule.");
        }
    }
}
