namespace EcsDiscoveryConstructs.Testing;

/// <summary>
/// Where the calling test's source file is on disk. A deterministic build (<c>ContinuousIntegrationBuild</c>) maps
/// source paths to <c>/_/...</c>; such a path is found again under the nearest folder above the test's output folder
/// (or the working directory) that holds it.
/// </summary>
internal static class SourceLocation
{
    private const string MappedRoot = "/_/";

    public static string Folder(string sourceFile)
    {
        var normalized = sourceFile.Replace('\\', '/');
        if (!normalized.StartsWith(MappedRoot, StringComparison.Ordinal))
        {
            return Path.GetDirectoryName(Path.GetFullPath(sourceFile))!;
        }

        var relative = Path.GetDirectoryName(normalized[MappedRoot.Length..])!;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"The test's source path '{sourceFile}' was mapped by a deterministic build and '{relative}' is not under any folder above the test output; "
            + "build test projects without ContinuousIntegrationBuild, or pass the source file's real path.");
    }
}
