using System.Text.Json;
using CsCheck;
using EcsDiscoveryConstructs.Tests.Shared;
using Xunit.Abstractions;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// Runs a generator suite: a fixed seed and a case budget in CI, a longer search with
/// <c>ECS_DISCOVERY_PROPERTY_CASES=N</c> (and another start with <c>ECS_DISCOVERY_PROPERTY_SEED</c>, 12-17 characters as
/// CsCheck prints seeds). The cases are the same on every run (<see cref="SeededSample"/>). One thread: jsii
/// is not thread-safe. A failure prints the seed and the shrunk input as JSON.
/// </summary>
internal static class PropertyRun
{
    public const string CasesVariable = "ECS_DISCOVERY_PROPERTY_CASES";
    public const string SeedVariable = "ECS_DISCOVERY_PROPERTY_SEED";

    /// <summary>The fixed seed CI runs with.</summary>
    public const string FixedSeed = "EcsDiscovery";

    private static readonly JsonSerializerOptions Printed = new() { WriteIndented = false };

    /// <summary>Checks <paramref name="property"/> (it asserts) on every generated case.</summary>
    public static void Check<T>(Gen<T> gen, int defaultCases, Action<T> property, ITestOutputHelper output)
    {
        var (cases, seed) = Budget(defaultCases);
        var started = System.Diagnostics.Stopwatch.StartNew();
        gen.RunSeeded(property, seed, cases, print: input => JsonSerializer.Serialize(input, Printed));
        output.WriteLine($"{cases} cases from seed {seed} in {started.Elapsed.TotalSeconds:0.0} s");
    }

    private static (int Cases, string Seed) Budget(int defaultCases)
        => (int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var n) && n > 0 ? n : defaultCases,
            Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } s ? s : FixedSeed);

    public static void Run<T>(Gen<T> gen, int defaultCases, Func<T, SynthOutcome.Kind> judge, ITestOutputHelper output)
    {
        var (cases, seed) = Budget(defaultCases);
        var outcomes = new Dictionary<SynthOutcome.Kind, int>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        gen.RunSeeded(
            input =>
            {
                var kind = judge(input);
                outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;
            },
            seed,
            cases,
            print: input => JsonSerializer.Serialize(input, Printed));
        output.WriteLine($"{cases} cases from seed {seed} in {started.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(outcomes.Count > 1, "Every generated case ended the same way: the generators no longer reach both sides of the rules.");
    }
}
