namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>Locates files of the repository from the test output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcsDiscoveryConstructs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EcsDiscoveryConstructs.sln not found above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root (the folder holding EcsDiscoveryConstructs.sln).</summary>
    public static string Root => RootPath.Value;
}
