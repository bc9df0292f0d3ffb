namespace EcsDiscoveryConstructs.Verifier.Input;

/// <summary>A file or JSON document the user (or a server) gave is unusable: the message says which and why, in one line.</summary>
internal sealed class InputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InputException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
