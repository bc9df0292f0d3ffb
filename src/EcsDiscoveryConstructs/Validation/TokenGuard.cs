using Amazon.CDK;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>Helpers that let rules skip values CDK resolves only at deploy time.</summary>
internal static class TokenGuard
{
    /// <summary>True when <paramref name="value"/> is set and contains no unresolved token.</summary>
    public static bool IsConcrete(string? value) => value is not null && !Token.IsUnresolved(value);

    /// <summary>True when <paramref name="value"/> is set and is not a token.</summary>
    public static bool IsConcrete(Duration? value) => value is not null && !value.IsUnresolved();

    /// <summary>Formats a duration for a message, e.g. <c>90 s</c> or <c>1500 ms</c>.</summary>
    public static string Describe(Duration value)
    {
        var millis = value.ToMilliseconds();
        return millis % 1000 == 0 ? $"{millis / 1000:0} s" : $"{millis:0} ms";
    }
}
