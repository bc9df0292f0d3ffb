using Amazon.CDK;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>The range check shared by the DNS record TTL and the namespace SOA TTL.</summary>
internal static class TtlChecks
{
    /// <summary>The largest TTL Cloud Map accepts (<c>RecordTTL</c> and <c>SOA.TTL</c>): 2,147,483,647 s.</summary>
    public const long MaxSeconds = int.MaxValue;

    /// <summary>Returns a violation when <paramref name="ttl"/> is not a whole number of seconds in 0-2147483647.</summary>
    public static IEnumerable<Violation> Range(string property, Duration? ttl)
    {
        if (!TokenGuard.IsConcrete(ttl))
        {
            yield break;
        }

        var millis = TokenGuard.MillisecondsOf(ttl!)!.Value;
        if (millis < 0 || millis > MaxSeconds * 1000 || millis % 1000 != 0)
        {
            yield return new Violation(
                $"{property} {TokenGuard.Describe(ttl!)}",
                $"is out of range: use a whole number of seconds from 0 to {MaxSeconds}",
                $"Set {property} = Duration.Seconds(n), e.g. Duration.Seconds(10).");
        }
    }

    /// <summary>The TTL in whole seconds, or null when it is unset, a token or not whole.</summary>
    public static double? Seconds(Duration? ttl)
        => ttl is not null && TokenGuard.MillisecondsOf(ttl) is { } millis && millis % 1000 == 0 ? millis / 1000 : null;
}
