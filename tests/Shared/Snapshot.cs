namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// A reviewed text file the code's output must equal (golden docs, topologies, call logs). With
/// ECS_DISCOVERY_ACCEPT_SNAPSHOTS=1 a difference rewrites the file instead (the diff is then reviewed in git).
/// </summary>
public static class Snapshot
{
    /// <summary>Asserts that the file at <paramref name="path"/> holds <paramref name="expected"/> (line endings aside), or rewrites it when accepting.</summary>
    public static void Matches(string path, string expected)
    {
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (actual == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("ECS_DISCOVERY_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        var relative = System.IO.Path.GetRelativePath(RepoRoot.Path, path);
        Assert.True(actual == expected, $"{relative} is out of date; run the tests with ECS_DISCOVERY_ACCEPT_SNAPSHOTS=1 to regenerate it, then review the diff.\n--- expected (the code's output)\n{expected}\n--- {relative}\n{actual}");
    }
}
