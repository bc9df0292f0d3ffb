using System.Reflection;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// The canary executable exactly as the library package carries it (the manifest resource of the built
/// EcsDiscoveryConstructs.dll, read without loading its types), written once per test run. It is linux-x64: on any
/// other host the tests run the framework-dependent build of the same project instead.
/// </summary>
internal static class PackagedBootstrap
{
    private static readonly Lazy<string?> Extracted = new(Extract);

    /// <summary>The packaged executable, or null on a host that cannot run it.</summary>
    public static string? Path => Extracted.Value;

    /// <summary>The framework-dependent build (bootstrap.dll), for hosts other than linux-x64.</summary>
    public static string FrameworkDependent => System.IO.Path.Combine(RepoRoot.Path, "src", "EcsDiscoveryConstructs.Canary", "bin", Configuration, "net10.0", "bootstrap.dll");

    private static string Configuration => AppContext.BaseDirectory.Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string? Extract()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return null;
        }

        var library = System.IO.Path.Combine(RepoRoot.Path, "src", "EcsDiscoveryConstructs", "bin", Configuration, "net10.0", "EcsDiscoveryConstructs.dll");
        using var stream = Assembly.LoadFile(library).GetManifestResourceStream("EcsDiscoveryConstructs.Canary.bootstrap")
            ?? throw new InvalidOperationException($"{library} carries no canary bootstrap");
        var folder = Directory.CreateTempSubdirectory("packaged-bootstrap").FullName;
        var file = System.IO.Path.Combine(folder, "bootstrap");
        using (var output = File.Create(file))
        {
            stream.CopyTo(output);
        }

        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return file;
    }
}
