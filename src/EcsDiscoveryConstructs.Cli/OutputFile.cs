using EcsDiscoveryConstructs.Verifier.Input;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Writes the files the commands produce (reports, diagrams) so that a reader never sees half of one.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Writes <paramref name="text"/> (secrets redacted) to a new temporary file beside <paramref name="path"/> and moves
    /// it into place. Refuses a path that exists and is not a regular file (a device, FIFO, directory or symbolic link):
    /// it is never replaced and never followed. Returns null on success, else the reason (the temporary file is removed).
    /// </summary>
    public static string? TryWrite(string path, string text)
    {
        if (UntrustedFile.WriteRefusal(path) is { } refusal)
        {
            return refusal;
        }

        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            // CreateNew never opens something already there (not even through a link someone planted).
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Redactor.Redact(text));
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the reason below is what the user needs.
            }

            return e.Message;
        }
    }
}
