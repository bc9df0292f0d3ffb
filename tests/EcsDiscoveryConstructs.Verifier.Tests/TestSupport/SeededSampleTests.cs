using CsCheck;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Verifier.Tests.TestSupport;

/// <summary>The generator runs of CI draw the same cases every time, and a failure still shrinks and names its seed.</summary>
public sealed class SeededSampleTests
{
    [Fact]
    public void TwoRunsFromOneSeed_DrawTheSameCases_AnotherSeedOthers()
    {
        List<int[]> Draw(string seed)
        {
            var seen = new List<int[]>();
            Gen.Int[0, 1_000_000].Array[1, 5].RunSeeded(seen.Add, seed, 50);
            return seen;
        }

        var first = Draw("0N3HDDkNm7Q1");
        Assert.Equal(first, Draw("0N3HDDkNm7Q1"));
        Assert.NotEqual(first, Draw("EcsDiscovery"));
        Assert.Equal(50, first.Count);
    }

    [Fact]
    public void AFailingCase_IsShrunkByCsCheck_AndNamesASeedThatReproducesIt()
    {
        var error = Assert.Throws<CsCheckException>(() => Gen.Int[0, 1000].RunSeeded(n => Assert.True(n < 500), "0N3HDDkNm7Q1", 200));
        Assert.Contains("Set seed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanOneThread_IsRefused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Gen.Int.RunSeeded(_ => { }, "0N3HDDkNm7Q1", 1, threads: 2));
}
