namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>The cloud assembly cannot be read: a missing folder, no manifest, a broken template, an unknown stack.</summary>
internal sealed class AssemblyException : Exception
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public AssemblyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public AssemblyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
