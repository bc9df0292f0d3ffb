using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Tests.Input;

public sealed class UntrustedFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("untrusted").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Kinds_AreReadWithoutOpening()
    {
        var file = Path.Combine(folder, "file.json");
        File.WriteAllText(file, "{}");
        var link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, file);
        var fifo = Path.Combine(folder, "fifo");
        SpecialFiles.Fifo(fifo);

        Assert.Equal(FileKind.Regular, FileKinds.Of(file, followLinks: false));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(link, followLinks: false));
        Assert.Equal(FileKind.Regular, FileKinds.Of(link, followLinks: true));
        Assert.Equal(FileKind.Special, FileKinds.Of(fifo, followLinks: true));
        Assert.Equal(FileKind.Special, FileKinds.Of("/dev/zero", followLinks: true));
        Assert.Equal(FileKind.Directory, FileKinds.Of(folder, followLinks: true));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(folder, "none"), followLinks: true));
    }

    [Fact]
    public void ReadText_FileOverTheLimit_IsRefusedWithoutReading()
    {
        var big = Path.Combine(folder, "big.json");
        using (var stream = File.Create(big))
        {
            stream.SetLength(UntrustedFile.MaxBytes + 1);
        }

        var error = Assert.Throws<InputException>(() => UntrustedFile.ReadText(big, "manifest.json"));
        Assert.Equal($"manifest.json ('{big}') has {UntrustedFile.MaxBytes + 1} bytes, more than the 256 MB read at most", error.Message);
    }

    [Fact]
    public void WriteRefusal_AllowsNewAndRegularFilesOnly()
    {
        var file = Path.Combine(folder, "report.xml");
        Assert.Null(UntrustedFile.WriteRefusal(file));
        File.WriteAllText(file, "old");
        Assert.Null(UntrustedFile.WriteRefusal(file));
        var link = Path.Combine(folder, "report-link.xml");
        File.CreateSymbolicLink(link, file);
        Assert.Equal($"'{link}' is a symbolic link; name the file itself (links are not followed)", UntrustedFile.WriteRefusal(link));
        var fifo = Path.Combine(folder, "report.fifo");
        SpecialFiles.Fifo(fifo);

        Assert.Equal($"'{fifo}' exists and is not a regular file (a device, FIFO or socket); it is never replaced", UntrustedFile.WriteRefusal(fifo));
        Assert.Equal("'/dev/zero' exists and is not a regular file (a device, FIFO or socket); it is never replaced", UntrustedFile.WriteRefusal("/dev/zero"));
    }

    [Fact]
    public void ReadText_NamesWhatThePathIs_WhenItIsNotAReadableRegularFile()
    {
        var missing = Path.Combine(folder, "none.json");
        var broken = Path.Combine(folder, "broken.json");
        File.CreateSymbolicLink(broken, missing);
        var fifo = Path.Combine(folder, "model.fifo");
        SpecialFiles.Fifo(fifo);
        Assert.Equal($"manifest.json ('{missing}') does not exist", Assert.Throws<InputException>(() => UntrustedFile.ReadText(missing, "manifest.json")).Message);
        Assert.Equal($"manifest.json ('{broken}') is a symbolic link that leads nowhere (a loop or a missing target)", Assert.Throws<InputException>(() => UntrustedFile.ReadText(broken, "manifest.json")).Message);
        Assert.Equal($"manifest.json ('{folder}') is a directory, not a file", Assert.Throws<InputException>(() => UntrustedFile.ReadText(folder, "manifest.json")).Message);
        Assert.Equal($"manifest.json ('{fifo}') is not a regular file (a FIFO, device or socket); only regular files are read", Assert.Throws<InputException>(() => UntrustedFile.ReadText(fifo, "manifest.json")).Message);
        Assert.Equal(FileKind.BrokenLink, FileKinds.Of(broken, followLinks: true));
        Assert.Equal(FileKind.SymbolicLink, FileKinds.Of(broken, followLinks: false));
    }

    [Fact]
    public void ReadText_ReadsARegularFileOrALinkToOne_AtTheLimit()
    {
        var file = Path.Combine(folder, "model.json");
        File.WriteAllText(file, "{\"version\":1}");
        var link = Path.Combine(folder, "model-link.json");
        File.CreateSymbolicLink(link, file);
        Assert.Equal("{\"version\":1}", UntrustedFile.ReadText(link, "the model"));
        Assert.Equal("{\"version\":1}", UntrustedFile.ReadText(file, "the model", maxBytes: 13));
        Assert.Throws<InputException>(() => UntrustedFile.ReadText(file, "the model", maxBytes: 12));
    }

    [Fact]
    public void ReadText_ARegularFileThatCannotBeRead_IsAnInputError()
    {
        // /proc/self/mem looks like a regular file, but reading it from offset 0 fails (nothing is mapped there).
        var error = Assert.Throws<InputException>(() => UntrustedFile.ReadText("/proc/self/mem", "the model"));
        Assert.StartsWith("cannot read the model ('/proc/self/mem'): ", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public void WriteRefusal_NamesADirectory()
        => Assert.Equal($"'{folder}' is a directory", UntrustedFile.WriteRefusal(folder));
}
