using CsCheck;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// Runs a CsCheck generator over a fixed sequence of cases. CsCheck's own <c>Sample(seed: ...)</c> uses the seed only
/// for its first iteration and draws the rest at random, so a "fixed seed" run differs on every run; here every case comes
/// from one PCG stream started at the seed, the same cases on every run and machine. When a case fails,
/// CsCheck is started at that case's own seed to shrink it, and reports the smallest failing input with a seed that
/// reproduces it.
/// </summary>
public static class SeededSample
{
    /// <summary>
    /// Checks <paramref name="property"/> (it asserts) on <paramref name="iter"/> cases generated from <paramref name="seed"/>,
    /// on one thread (the parameters are named as CsCheck's <c>Sample</c> names them).
    /// </summary>
    public static void RunSeeded<T>(this Gen<T> gen, Action<T> property, string seed, int iter, int threads = 1, Func<T, string>? print = null)
    {
        if (threads != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "a fixed sequence of cases runs on one thread");
        }

        ArgumentNullException.ThrowIfNull(gen);
        ArgumentNullException.ThrowIfNull(property);
        var pcg = PCG.Parse(seed);
        for (var i = 0; i < iter; i++)
        {
            var caseSeed = pcg.ToString(pcg.State);
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                property(value);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Shrink from the failing case; CsCheck throws with the smallest input it finds and its seed.
                gen.Sample(property, seed: caseSeed, iter: 500, threads: 1, print: print);
                throw new InvalidOperationException($"case {i} (seed {caseSeed}) failed, and did not fail again when CsCheck replayed it: {e.Message}", e);
            }
        }
    }
}
