using System.Diagnostics;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>Special files for hostile-input tests, always created inside the test's own folder (never a system device).</summary>
public static class SpecialFiles
{
    /// <summary>Creates a FIFO at <paramref name="path"/> (mkfifo, bounded to 10 s); a reader that opens it blocks.</summary>
    public static void Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        Assert.True(mkfifo.WaitForExit(10_000) && mkfifo.ExitCode == 0, $"mkfifo {path} failed");
    }

    /// <summary>Replaces <paramref name="path"/> with a symbolic link that points, through a second link, back at itself.</summary>
    public static void SymlinkLoop(string path)
    {
        File.Delete(path);
        File.CreateSymbolicLink(path, path + ".loop");
        File.CreateSymbolicLink(path + ".loop", path);
    }
}
