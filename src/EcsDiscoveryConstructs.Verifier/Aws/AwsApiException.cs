using System.Net;

namespace EcsDiscoveryConstructs.Verifier.Aws;

/// <summary>
/// A call to an AWS API failed: an AWS error (with its code), a transport failure, a timeout or an answer that cannot be
/// read. Each service's client throws its own kind (<see cref="CloudMap.CloudMapException"/>, <see cref="Ecs.EcsException"/>).
/// </summary>
internal abstract class AwsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The API operation, e.g. <c>ListServices</c>.</param>
    /// <param name="code">The AWS error code (<c>__type</c>), or a local one: <c>Timeout</c>, <c>ConnectionFailed</c>, <c>MalformedResponse</c>, <c>PaginationLoop</c>.</param>
    /// <param name="message">The reason.</param>
    /// <param name="statusCode">The HTTP status, when there was an answer.</param>
    /// <param name="inner">The cause.</param>
    protected AwsApiException(string operation, string code, string message, HttpStatusCode? statusCode, Exception? inner)
        : base($"{operation} failed: {code}: {message}", inner)
    {
        Operation = operation;
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>The API operation that failed.</summary>
    public string Operation { get; }

    /// <summary>The error code.</summary>
    public string Code { get; }

    /// <summary>The HTTP status, when the endpoint answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True for throttling answers (429, <c>RequestLimitExceeded</c>, <c>ThrottlingException</c>).</summary>
    public bool IsThrottling => StatusCode == HttpStatusCode.TooManyRequests || Code is "RequestLimitExceeded" or "ThrottlingException" or "Throttling" or "TooManyRequestsException";

    /// <summary>True for not-found errors (<c>NamespaceNotFound</c>, <c>ServiceNotFound</c>, <c>ClusterNotFoundException</c>, ...).</summary>
    public bool IsNotFound => Code.EndsWith("NotFound", StringComparison.Ordinal) || Code.EndsWith("NotFoundException", StringComparison.Ordinal);

    /// <summary>True when the credentials were refused: unknown, expired, or a signature that does not match (every later call would be refused too).</summary>
    public bool IsRefusedCredentials => Code is "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" or "InvalidClientTokenId";

    /// <summary>True when a retry may succeed: throttling, 5xx, timeouts and connection failures.</summary>
    public bool IsTransient => IsThrottling || (int?)StatusCode >= 500 || Code is "Timeout" or "ConnectionFailed";
}
