using System.Text;

namespace EcsDiscoveryConstructs.Verifier.Redaction;

/// <summary>A writer that redacts secrets (<see cref="Redactor"/>) from everything written through it, line by line.</summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder line = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        line.Append(value);
        if (value == '\n')
        {
            Flush();
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        // Whole strings are redacted as they are written (progress lines end in '\r', not '\n', and must show at once).
        if (line.Length == 0)
        {
            inner.Write(Redactor.Redact(value));
            return;
        }

        line.Append(value);
        Flush();
    }

    /// <inheritdoc />
    public override void WriteLine(string? value) => Write((value ?? string.Empty) + NewLine);

    /// <inheritdoc />
    public override void Flush()
    {
        if (line.Length > 0)
        {
            inner.Write(Redactor.Redact(line.ToString()));
            line.Clear();
        }

        inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
