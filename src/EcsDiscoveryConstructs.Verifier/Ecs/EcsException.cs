using System.Net;
using EcsDiscoveryConstructs.Verifier.Aws;

namespace EcsDiscoveryConstructs.Verifier.Ecs;

/// <summary>An ECS call failed: an AWS error (with its code), a transport failure, a timeout or an answer that cannot be read.</summary>
internal sealed class EcsException : AwsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The API operation, e.g. <c>DescribeServices</c>.</param>
    /// <param name="code">The AWS error code (<c>__type</c>, e.g. <c>ClusterNotFoundException</c>), or a local one: <c>Timeout</c>, <c>ConnectionFailed</c>, <c>MalformedResponse</c>, <c>PaginationLoop</c>.</param>
    /// <param name="message">The reason.</param>
    /// <param name="statusCode">The HTTP status, when there was an answer.</param>
    /// <param name="inner">The cause.</param>
    public EcsException(string operation, string code, string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(operation, code, message, statusCode, inner)
    {
    }
}
