namespace EcsDiscoveryConstructs.Tests.Testing;

public class TextDiffTests
{
    [Fact]
    public void Unified_EqualTexts_IsEmpty()
        => Assert.Equal(string.Empty, TextDiff.Unified("a\nb\n", "a\nb\n"));

    [Fact]
    public void Unified_ChangedLine_ShowsRemovedAndAddedWithContext()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}"));
        var actual = expected.Replace("line 5", "line five", StringComparison.Ordinal);
        Assert.Equal(
            "@@ expected line 2 @@\n  line 2\n  line 3\n  line 4\n- line 5\n+ line five\n  line 6\n  line 7\n  line 8\n",
            TextDiff.Unified(expected, actual));
    }

    [Fact]
    public void Unified_DistantChanges_MakeTwoHunks()
    {
        var expected = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"{i}"));
        var actual = expected.Replace("\n2\n", "\n2b\n", StringComparison.Ordinal).Replace("\n19\n", "\n19b\n", StringComparison.Ordinal);
        var diff = TextDiff.Unified(expected, actual);
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("- 19\n+ 19b\n", diff, StringComparison.Ordinal);
    }
}
