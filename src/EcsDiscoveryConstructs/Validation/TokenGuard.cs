using System.Globalization;
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

    /// <summary>True when <paramref name="value"/> is a number written in the app, not a token (e.g. a CfnParameter's value).</summary>
    public static bool IsConcrete(double value) => !Token.IsUnresolved(value);

    /// <summary>True when <paramref name="value"/> is set and is not a token.</summary>
    public static bool IsConcrete(Duration? value) => value is not null && MillisecondsOf(value) is not null;

    /// <summary>
    /// The duration in milliseconds, or null for a token; computed once per duration object. Fractions are kept
    /// (<c>Duration.Millis(0.5)</c> is 0.5): the CDK's own conversion throws a raw error for them, and the rules
    /// report them instead.
    /// </summary>
    public static double? MillisecondsOf(Duration value)
        => Millis.GetValue(value, d => new StrongBox<double?>(d.IsUnresolved() ? null : Read(d))).Value;

    private static double Read(Duration duration)
    {
        var fractions = new TimeConversionOptions { Integral = false };
        try
        {
            return duration.ToMilliseconds(fractions);
        }
        catch (NotSupportedException)
        {
            // jsii cannot hand .NET an integer at or above 2^63 printed without an exponent (e.g. Duration.Millis(1e20));
            // in days the value is small enough, and far beyond every limit a rule compares it with.
            return duration.ToDays(fractions) * 86_400_000;
        }
    }

    /// <summary>True when <paramref name="value"/> is concrete and a whole number of seconds (what Cloud Map and ECS take).</summary>
    public static bool IsWholeSeconds(Duration value) => MillisecondsOf(value) is { } millis && double.IsFinite(millis) && millis % 1000 == 0;

    /// <summary>Formats a duration for a message, e.g. <c>90 s</c>, <c>1500 ms</c> or <c>0.5 ms</c>.</summary>
    public static string Describe(Duration value)
    {
        var millis = MillisecondsOf(value) ?? 0;
        return millis % 1000 == 0
            ? (millis / 1000).ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : millis.ToString("0.####", CultureInfo.InvariantCulture) + " ms";
    }

    /// <summary>How CDK encodes a token inside a string.</summary>
    [GeneratedRegex(@"\$\{Token\[[^\]]+\]\}")]
    private static partial Regex EncodedToken();
}
