using System.Security.Cryptography;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// The canary's function code as this assembly carries it: the <c>bootstrap</c> executable (linux-x64, self-contained,
/// trimmed) the build publishes from <c>src/EcsDiscoveryConstructs.Canary</c>. <see cref="Directory"/> writes it once
/// per content into a folder named by its SHA-256 under the temp folder, and checks the content of a folder found there
/// before using it (another process could have written anything at that path).
/// </summary>
internal static class CanaryBootstrap
{
    /// <summary>The manifest resource name.</summary>
    public const string ResourceName = "EcsDiscoveryConstructs.Canary.bootstrap";

    /// <summary>The Lambda architecture of the embedded executable.</summary>
    public const string Architecture = "x86_64";

    private static readonly Lazy<string> Extracted = new(() => ExtractInto(Path.Combine(Path.GetTempPath(), "ecs-discovery-canary")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A folder holding exactly the executable <c>bootstrap</c>: the function's code asset.</summary>
    public static string Directory => Extracted.Value;

    /// <summary>The executable's bytes.</summary>
    public static byte[] Bytes()
    {
        using var stream = typeof(CanaryBootstrap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"This build of EcsDiscoveryConstructs carries no canary executable (resource '{ResourceName}'); build it with the .NET SDK from the repository, which publishes it.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Writes the executable under <paramref name="root"/> (or reuses a folder there that holds exactly it) and returns its
    /// folder. <paramref name="beforeMove"/> (tests) runs with the final path just before the written copy is moved there.
    /// </summary>
    internal static string ExtractInto(string root, Action<string>? beforeMove = null)
    {
        var bytes = Bytes();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var target = Path.Combine(root, hash[..32]);
        if (Holds(target, hash))
        {
            return target;
        }

        System.IO.Directory.CreateDirectory(root);
        var staging = Path.Combine(root, $".{hash[..16]}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(staging);
        var file = Path.Combine(staging, "bootstrap");
        File.WriteAllBytes(file, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        try
        {
            beforeMove?.Invoke(target);
            System.IO.Directory.Move(staging, target);
            return target;
        }
        catch (IOException)
        {
            // Another process placed it first: use it when it holds the same bytes, else this process's own copy.
            if (Holds(target, hash))
            {
                System.IO.Directory.Delete(staging, recursive: true);
                return target;
            }

            return staging;
        }
    }

    /// <summary>True when <paramref name="folder"/> is a real folder holding only a regular file bootstrap with the expected content.</summary>
    private static bool Holds(string folder, string hash)
    {
        var info = new DirectoryInfo(folder);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return false;
        }

        var entries = info.GetFileSystemInfos();
        if (entries.Length != 1 || entries[0] is not FileInfo { Name: "bootstrap", LinkTarget: null } file)
        {
            return false;
        }

        using var stream = file.OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == hash
            && (OperatingSystem.IsWindows() || File.GetUnixFileMode(file.FullName).HasFlag(UnixFileMode.UserExecute));
    }
}
