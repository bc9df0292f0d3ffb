using System.Collections.Specialized;
using System.Security.Cryptography;
using System.Text;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

/// <summary>
/// Signature Version 4 recomputed from a request as a server received it, written from AWS's description of the
/// algorithm (canonical request, string to sign, derived key; IAM User Guide, "Create a signed AWS API request"),
/// independent of the SDK signer the client uses: what AWS would check, which moto never does.
/// </summary>
internal static class SigV4Reference
{
    /// <summary>The signature AWS expects for this request: null when its Authorization header cannot be read.</summary>
    public static string? ExpectedSignature(string method, string path, NameValueCollection headers, string body, string secretKey)
    {
        var authorization = headers["Authorization"] ?? string.Empty;
        var parts = authorization.Replace("AWS4-HMAC-SHA256 ", string.Empty, StringComparison.Ordinal)
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || headers["X-Amz-Date"] is not { } amzDate)
        {
            return null;
        }

        var scope = credential.Split('/', 2)[1]; // date/region/service/aws4_request
        var scopeParts = scope.Split('/');
        var canonicalHeaders = string.Concat(signedHeaders.Split(';').Select(name => $"{name}:{string.Join(',', (headers.GetValues(name) ?? []).Select(v => v.Trim()))}\n"));
        var canonicalRequest = string.Join('\n', method, path, string.Empty, canonicalHeaders, signedHeaders, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var step in scopeParts)
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(step));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>The signature the request carries.</summary>
    public static string? SentSignature(NameValueCollection headers)
        => (headers["Authorization"] ?? string.Empty).Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => p.StartsWith("Signature=", StringComparison.Ordinal))?["Signature=".Length..];

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
