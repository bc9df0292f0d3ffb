using System.Security.Cryptography;
using EcsDiscoveryConstructs.Canary;

namespace EcsDiscoveryConstructs.Tests.Canary;

/// <summary>
/// The canary's code folder under the temp folder: written once per content, reused only when it holds exactly the
/// executable, and never trusted (or overwritten) when another process put something else at that path.
/// </summary>
public sealed class CanaryBootstrapTests : IDisposable
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly byte[] Bytes = CanaryBootstrap.Bytes();
    private static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Bytes));
    private readonly string root = Directory.CreateTempSubdirectory("canary-bootstrap").FullName;

    private string Target => Path.Combine(root, Hash[..32]);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void AssertHoldsTheExecutable(string folder)
    {
        var entries = Directory.GetFileSystemEntries(folder);
        Assert.Equal([Path.Combine(folder, "bootstrap")], entries);
        Assert.Equal(Hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entries[0]))));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Executable, File.GetUnixFileMode(entries[0]));
        }
    }

    [Fact]
    public void AFreshRoot_GetsAFolderNamedByTheContentsHash_HoldingOnlyTheExecutable()
    {
        Assert.Equal(Target, CanaryBootstrap.ExtractInto(root));
        AssertHoldsTheExecutable(Target);
        Assert.Equal([Target], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void AnExtractedFolder_IsReusedAsItIs()
    {
        var first = CanaryBootstrap.ExtractInto(root);
        var written = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(first, "bootstrap"), written);
        Assert.Equal(first, CanaryBootstrap.ExtractInto(root));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(first, "bootstrap")));
        Assert.Equal([Target], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void ARootThatDoesNotExistYet_IsCreated()
    {
        var nested = Path.Combine(root, "a", "b");
        Assert.Equal(Path.Combine(nested, Hash[..32]), CanaryBootstrap.ExtractInto(nested));
        AssertHoldsTheExecutable(Path.Combine(nested, Hash[..32]));
    }

    [Fact]
    public void TheLibrarysFolder_IsUnderTheTempFolder()
        => Assert.Equal(Path.Combine(Path.GetTempPath(), "ecs-discovery-canary", Hash[..32]), CanaryBootstrap.Directory);

    [Fact]
    public void AnotherProcessPlacingTheSameExecutableFirst_IsUsed_AndTheOwnCopyRemoved()
    {
        var used = CanaryBootstrap.ExtractInto(root, target =>
        {
            Directory.CreateDirectory(target);
            File.WriteAllBytes(Path.Combine(target, "bootstrap"), Bytes);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(target, "bootstrap"), Executable);
            }
        });
        Assert.Equal(Target, used);
        AssertHoldsTheExecutable(Target);
        Assert.Equal([Target], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void AnotherProcessPlacingSomethingElseFirst_LeavesThisProcessItsOwnCopy()
    {
        var used = CanaryBootstrap.ExtractInto(root, target =>
        {
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "bootstrap"), "#!/bin/sh\necho planted\n");
        });
        Assert.StartsWith(Path.Combine(root, "." + Hash[..16] + "-"), used, StringComparison.Ordinal);
        AssertHoldsTheExecutable(used);
        Assert.Equal("#!/bin/sh\necho planted\n", File.ReadAllText(Path.Combine(Target, "bootstrap")));
    }

    private static List<string> Listing(string folder)
        => Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal)
            .Select(e => Directory.Exists(e) ? e + "/" : $"{e} {new FileInfo(e).Length} {new FileInfo(e).LinkTarget}")
            .ToList();

    public static TheoryData<string> Plantings() =>
    [
        "empty folder", "other content", "an extra file", "not executable", "bootstrap is a folder", "bootstrap is a link", "the folder is a link",
    ];

    [Theory]
    [MemberData(nameof(Plantings))]
    public void SomethingElseAtThePath_IsNeitherUsedNorOverwritten(string planting)
    {
        var good = Path.Combine(root, "good");
        Directory.CreateDirectory(good);
        File.WriteAllBytes(Path.Combine(good, "bootstrap"), Bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(good, "bootstrap"), Executable);
        }

        if (planting == "the folder is a link")
        {
            Directory.CreateSymbolicLink(Target, good);
        }
        else
        {
            Directory.CreateDirectory(Target);
        }

        var bootstrap = Path.Combine(Target, "bootstrap");
        switch (planting)
        {
            case "other content":
                File.WriteAllText(bootstrap, "#!/bin/sh\necho planted\n");
                break;
            case "an extra file":
                File.WriteAllBytes(bootstrap, Bytes);
                File.WriteAllText(Path.Combine(Target, "extra"), "x");
                break;
            case "not executable":
                File.WriteAllBytes(bootstrap, Bytes);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                break;
            case "bootstrap is a folder":
                Directory.CreateDirectory(bootstrap);
                break;
            case "bootstrap is a link":
                File.CreateSymbolicLink(bootstrap, Path.Combine(good, "bootstrap"));
                break;
        }

        var planted = Listing(Target);
        var used = CanaryBootstrap.ExtractInto(root);

        Assert.NotEqual(Target, used);
        Assert.StartsWith(Path.Combine(root, "." + Hash[..16] + "-"), used, StringComparison.Ordinal);
        AssertHoldsTheExecutable(used);
        Assert.Equal(planted, Listing(Target));
    }
}
