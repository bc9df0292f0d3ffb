using System.Runtime.InteropServices;

namespace EcsDiscoveryConstructs.Verifier.Input;

/// <summary>What a path names, read without opening it (opening a FIFO blocks; opening a device reads it).</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only from <see cref="FileKinds.Of"/> with <c>followLinks: false</c>).</summary>
    SymbolicLink,

    /// <summary>A device, FIFO or socket.</summary>
    Special,

    /// <summary>A symbolic link that leads nowhere: a loop, or a missing target.</summary>
    BrokenLink,
}

/// <summary>Reads a path's <see cref="FileKind"/> through <c>stat</c>/<c>lstat</c> (the .NET runtime's own native shim on Unix).</summary>
internal partial class FileKinds
{
    // The .NET runtime's System.Native shim: FileStatus begins with Flags and Mode; S_IF* values are the shim's own.
    private const int TypeMask = 0xF000;
    private const int Directory = 0x4000;
    private const int Regular = 0x8000;
    private const int Link = 0xA000;

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> a link is judged by what it leads to.</summary>
    public static FileKind Of(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
        {
            return WindowsKind(path, followLinks);
        }

        if (LStat(path, out var own) != 0)
        {
            return FileKind.Missing;
        }

        if ((own.Mode & TypeMask) == Link)
        {
            if (!followLinks)
            {
                return FileKind.SymbolicLink;
            }

            if (Stat(path, out var target) != 0)
            {
                return FileKind.BrokenLink;
            }

            own = target;
        }

        return (own.Mode & TypeMask) switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    private static FileKind WindowsKind(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !System.IO.Directory.Exists(path))
        {
            return info.LinkTarget is null ? FileKind.Missing : FileKind.BrokenLink;
        }

        if (info.LinkTarget is not null && !followLinks)
        {
            return FileKind.SymbolicLink;
        }

        return info.Attributes.HasFlag(FileAttributes.Directory) ? FileKind.Directory : FileKind.Regular;
    }

    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, out FileStatus output);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, out FileStatus output);
}
