using Amazon.CDK;
using CsCheck;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// Generators of hostile prop values: names of any characters and length (and tokens), durations that are fractional,
/// zero or huge, counts around every limit, record flags including undefined ones.
/// </summary>
internal static class Values
{
    /// <summary>Stands for a string token (an imported value resolved only at deploy time).</summary>
    public const string TokenMarker = "<token>";

    private static readonly Gen<string> OddCharacters = Gen.Char["abcxyzABCXYZ0189-_. ü\u00e9!*/:\t"].Array[0, 40].Select(c => new string(c));

    /// <summary>Service and ECS names: mostly valid, else wrong case, wrong characters, empty, one character, long, unicode, tokens.</summary>
    public static readonly Gen<string> Name = Mostly(
        Gen.OneOf("orders", "api", "web", "a1", "orders-v2", "orders_v2", "cart", "payments", "x"),
        Gen.OneOf("Orders", "API", "orders service", "ördérs", "orders!", "-orders", "orders-", "or.ders", "_", "_orders._tcp", "a..b", "", ".", "orders."),
        Gen.Int[55, 300].Select(n => new string('o', n)),
        OddCharacters,
        Gen.Const(TokenMarker));

    /// <summary>DNS namespace names: mostly valid, else upper case, trailing dot, bad labels, long, unicode, tokens.</summary>
    public static readonly Gen<string> DnsNamespaceName = Mostly(
        Gen.OneOf("internal.example.com", "local", "svc.cluster.local", "a.b", "shop.internal"),
        Gen.OneOf("Apps.Example.com", "example.com.", "-bad.example.com", "bad-.example.com", "ex ample.com", "bücher.example", "", "a..b", "_tcp.example.com"),
        Gen.Int[1, 5].SelectMany(labels => Gen.Int[20, 70].Select(len => string.Join('.', Enumerable.Repeat(new string('n', len), labels)))),
        OddCharacters,
        Gen.Const(TokenMarker));

    /// <summary>HTTP namespace names: mostly plain, else any case, spaces, unicode, long, ARNs, tokens.</summary>
    public static readonly Gen<string> HttpNamespaceName = Mostly(
        Gen.OneOf("internal-api", "shop", "team.apps"),
        Gen.OneOf("Internal", "internal api", "ünïcode", "", "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc"),
        Gen.Int[1000, 1100].Select(n => new string('h', n)),
        OddCharacters,
        Gen.Const(TokenMarker));

    /// <summary>Durations in milliseconds: mostly unset or whole seconds, else zero, fractional, near the limits, huge.</summary>
    public static readonly Gen<double?> Millis = Mostly(
        Gen.OneOf<double?>(null, null, 1000, 5000, 10_000, 30_000),
        Gen.OneOf<double?>(0, 0.5, 1, 999, 1000.5, 1500, 31_000, 60_000, 3_600_000, 2_147_483_647_000, 2_147_483_648_000, 1e20, 1e22),
        Gen.Double[0, 1e7].Select(d => (double?)d));

    /// <summary>Task counts: mostly small, else around every limit (negative, 0, the 1,000 instances per Cloud Map service).</summary>
    public static readonly Gen<int> Count = Mostly(Gen.OneOf(1, 2, 3), Gen.OneOf(-5, -1, 0, 10, 999, 1000, 1001, 2500));

    /// <summary>Record flags: mostly unset or one of the usual sets, else any combination including the undefined flag 16.</summary>
    public static readonly Gen<int?> Records = Mostly(Gen.OneOf<int?>(null, null, 1, 4, 5), Gen.Int[0, 31].Select(i => (int?)i));

    /// <summary>How many tags: mostly none, else some, at the limit of 50, over it.</summary>
    public static readonly Gen<int> TagCount = Mostly(Gen.Const(0), Gen.OneOf(1, 2, 49, 50, 51));

    /// <summary>A choice that is <paramref name="usual"/> seven times in eight, else one of <paramref name="hostile"/>.</summary>
    public static Gen<T> Mostly<T>(Gen<T> usual, params Gen<T>[] hostile)
        => Gen.Frequency([(7 * hostile.Length, (IGen<T>)usual), .. hostile.Select(h => (1, (IGen<T>)h))]);

    /// <summary>The string for the props: the marker becomes a real token.</summary>
    public static string Str(string value) => value == TokenMarker ? Fn.ImportValue("SharedName") : value;

    public static Duration? Duration(double? millis) => millis is null ? null : Amazon.CDK.Duration.Millis(millis.Value);

    public static Dictionary<string, string>? Tags(int count, string prefix)
        => count == 0 ? null : Enumerable.Range(0, count).ToDictionary(i => $"{prefix}{i}", _ => "v");
}
