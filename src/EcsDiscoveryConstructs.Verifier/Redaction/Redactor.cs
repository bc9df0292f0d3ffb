using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Verifier.Redaction;

/// <summary>
/// Removes secrets from any text before it is shown or written, whatever produced it (including text a server echoes
/// back): AWS access key ids, SigV4 signatures and credential scopes, session tokens, secret keys named in key=value
/// text, URL passwords, and every credential value the process has used.
/// </summary>
internal partial class Redactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "[redacted]";

    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    /// <summary>Remembers a credential value (access key id, secret key, session token) so it is redacted wherever it appears.</summary>
    public static void AddSecret(string? value)
    {
        // Real access key ids have 20 characters, secrets 40, tokens hundreds; shorter values would mask ordinary words.
        if (value is { Length: >= 16 })
        {
            Known.TryAdd(value, 0);
        }
    }

    /// <summary>
    /// The first line of <paramref name="message"/> (an exception's, which may carry what a server echoed), trimmed and
    /// redacted: the one-line reason shown instead of a stack trace.
    /// </summary>
    public static string FirstLine(string? message) => Redact((message ?? string.Empty).Split('\n', 2)[0].Trim());

    /// <summary>
    /// A value the user gave (an option, an environment variable) as a one-line message quotes it: control characters
    /// (a newline, a tab, an escape) shown as '?', secrets redacted.
    /// </summary>
    public static string Shown(string? value) => Redact(string.Concat((value ?? string.Empty).Select(c => char.IsControl(c) ? '?' : c)));

    /// <summary>The text with every secret replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in Known.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = UrlPassword().Replace(text, "$1$2:" + Mask + "@");
        text = Signature().Replace(text, "$1" + Mask);
        text = CredentialScope().Replace(text, "$1" + Mask);
        text = SecretAssignment().Replace(text, "$1" + Mask);
        return AccessKeyId().Replace(text, Mask);
    }

    /// <summary><c>scheme://user:password@</c>.</summary>
    [GeneratedRegex(@"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s:@]*):([^/\s@]+)@")]
    private static partial Regex UrlPassword();

    /// <summary>A SigV4 signature in a header or query string.</summary>
    [GeneratedRegex(@"(?i)((?:x-amz-)?signature[""']?\s*[=:]\s*[""']?)[0-9a-f]{16,}")]
    private static partial Regex Signature();

    /// <summary>A SigV4 credential scope (access key id / date / region / service).</summary>
    [GeneratedRegex(@"(?i)((?:x-amz-)?credential[""']?\s*[=:]\s*[""']?)[^\s,&""';]+")]
    private static partial Regex CredentialScope();

    /// <summary>Session tokens and secret keys written as name=value or "name": "value".</summary>
    [GeneratedRegex(@"(?i)((?:x-amz-security-token|aws_session_token|session_?token|aws_secret_access_key|secret_?access_?key|authorization)[""']?\s*[=:]\s*[""']?)[^\s,&""';]+")]
    private static partial Regex SecretAssignment();

    /// <summary>AWS access key ids (long-term AKIA, temporary ASIA, and the other documented prefixes).</summary>
    [GeneratedRegex(@"\b(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA)[A-Z0-9]{12,}\b")]
    private static partial Regex AccessKeyId();
}
