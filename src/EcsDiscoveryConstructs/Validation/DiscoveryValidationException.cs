namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Thrown when a construct's props are invalid. It lists every error found in that construct at once,
/// one line per error, each naming the construct path, the property, the value, what is allowed and the fix.
/// </summary>
public sealed class DiscoveryValidationException : Exception
{
    /// <summary>Creates the exception from the formatted error lines of one construct.</summary>
    /// <param name="constructKind">The construct's type name, e.g. <c>DiscoveryService</c>.</param>
    /// <param name="constructPath">The construct's path in the app.</param>
    /// <param name="errors">One formatted message per error; at least one.</param>
    public DiscoveryValidationException(string constructKind, string constructPath, IReadOnlyList<string> errors)
        : base(FormatMessage(constructKind, constructPath, errors))
    {
        ConstructPath = constructPath;
        Errors = errors;
    }

    /// <summary>The path of the construct whose props are invalid.</summary>
    public string ConstructPath { get; }

    /// <summary>The error lines, in rule order.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string kind, string path, IReadOnlyList<string> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A validation exception needs at least one error.", nameof(errors));
        }

        if (errors.Count == 1)
        {
            return errors[0];
        }

        return $"{kind} '{path}' has {errors.Count} invalid settings:" + string.Concat(errors.Select(e => "\n - " + e));
    }
}
