namespace EcsDiscoveryConstructs.Testing;

/// <summary>Thrown when a received template differs from its golden file, or when no golden file exists yet.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SnapshotMismatchException(string message, string goldenPath, string receivedPath, IReadOnlyList<ResourceChange> changes)
        : base(message)
    {
        GoldenPath = goldenPath;
        ReceivedPath = receivedPath;
        Changes = changes;
    }

    /// <summary>The golden file (<c>*.verified.json</c>).</summary>
    public string GoldenPath { get; }

    /// <summary>The received file written beside it (<c>*.received.json</c>).</summary>
    public string ReceivedPath { get; }

    /// <summary>The template changes (empty when there is no golden file, or the text is not a template).</summary>
    public IReadOnlyList<ResourceChange> Changes { get; }
}
