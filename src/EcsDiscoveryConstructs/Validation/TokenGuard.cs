using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Amazon.CDK;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Helpers that let rules skip values CDK resolves only at deploy time. String tokens are recognised by their
/// encoding (<c>${Token[...]}</c>) without a round trip to the CDK's JavaScript; durations are asked once each.
/// </summary>
internal static partial class TokenGuard
{
    private static readonly ConditionalWeakTable<Duration, StrongBox<double?>> Millis = [];

    /// <summary>True when <paramref name="value"/> is set and contains no unresolved token.</summary>
    public static bool IsConcrete(string? value) => value is not null && !EncodedToken().IsMatch(value);

    /// <summary>True when <paramref name="value"/> is set and is not a token.</summary>
    public static bool IsConcrete(Duration? value) => value is not null && MillisecondsOf(value) is not null;

    /// <summary>The duration in milliseconds, or null for a token; computed once per duration object.</summary>
    public static double? MillisecondsOf(Duration value)
        => Millis.GetValue(value, d => new StrongBox<double?>(d.IsUnresolved() ? null : d.ToMilliseconds())).Value;

    /// <summary>Formats a duration for a message, e.g. <c>90 s</c> or <c>1500 ms</c>.</summary>
    public static string Describe(Duration value)
    {
        var millis = MillisecondsOf(value) ?? 0;
        return millis % 1000 == 0 ? $"{millis / 1000:0} s" : $"{millis:0} ms";
    }

    /// <summary>How CDK encodes a token inside a string.</summary>
    [GeneratedRegex(@"\$\{Token\[[^\]]+\]\}")]
    private static partial Regex EncodedToken();
}
