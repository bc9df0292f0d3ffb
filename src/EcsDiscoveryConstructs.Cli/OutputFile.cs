namespace EcsDiscoveryConstructs.Cli;

/// <summary>Writes the files the commands produce (reports, diagrams) so that a reader never sees half of one.</summary>
internal static class OutputFile
{
    /// <summary>
    /// Writes <paramref name="text"/> to a temporary file beside <paramref name="path"/> and moves it into place.
    /// Returns null on success, else the reason (the temporary file is removed).
    /// </summary>
    public static string? TryWrite(string path, string text)
    {
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
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
