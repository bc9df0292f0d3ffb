namespace EcsDiscoveryConstructs.Verifier.Input;

/// <summary>
/// The only way the verifier reads and writes files the user names: reads take regular files only (never a FIFO,
/// device or directory, which would block or read without end) up to a size limit; writes never replace anything
/// that is not a regular file and never follow a symbolic link.
/// </summary>
internal static class UntrustedFile
{
    /// <summary>The largest file read: 256 MB.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads <paramref name="path"/> as UTF-8 text.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for messages, e.g. <c>manifest.json</c>.</param>
    /// <exception cref="InputException">The path is missing, not a regular file, too large or unreadable.</exception>
    public static string ReadText(string path, string what) => ReadText(path, what, MaxBytes);

    /// <summary>Reads <paramref name="path"/> as UTF-8 text, refusing files over <paramref name="maxBytes"/>.</summary>
    internal static string ReadText(string path, string what, long maxBytes)
    {
        switch (FileKinds.Of(path, followLinks: true))
        {
            case FileKind.Missing:
                throw new InputException($"{what} ('{path}') does not exist");
            case FileKind.BrokenLink:
                throw new InputException($"{what} ('{path}') is a symbolic link that leads nowhere (a loop or a missing target)");
            case FileKind.Directory:
                throw new InputException($"{what} ('{path}') is a directory, not a file");
            case FileKind.Special:
                throw new InputException($"{what} ('{path}') is not a regular file (a FIFO, device or socket); only regular files are read");
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new InputException($"{what} ('{path}') has {length} bytes, more than the {maxBytes / (1024 * 1024)} MB read at most");
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {what} ('{path}'): {e.Message}", e);
        }
    }

    /// <summary>
    /// Why <paramref name="path"/> must not be written, or null when it may: it does not exist yet, or it is a regular
    /// file (not a symbolic link, device, FIFO, socket or directory).
    /// </summary>
    public static string? WriteRefusal(string path) => FileKinds.Of(path, followLinks: false) switch
    {
        FileKind.Missing or FileKind.Regular => null,
        FileKind.SymbolicLink or FileKind.BrokenLink => $"'{path}' is a symbolic link; name the file itself (links are not followed)",
        FileKind.Directory => $"'{path}' is a directory",
        _ => $"'{path}' exists and is not a regular file (a device, FIFO or socket); it is never replaced",
    };
}
