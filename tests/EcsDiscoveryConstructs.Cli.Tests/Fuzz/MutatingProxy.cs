using System.Collections.Specialized;
using System.Net.Http.Headers;
using System.Text;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests.Fuzz;

/// <summary>
/// A loopback endpoint in front of a Cloud Map peer (moto), answering ECS and CloudFormation itself (see <see cref="Peer"/>):
/// each request is passed on and, as <see cref="Answer"/>
/// decides, the real answer, a mutated one, or one that echoes the request headers (a server that leaks what it was
/// sent) goes back. Built on <see cref="ScriptedEndpoint"/>; stops on dispose.
/// </summary>
internal sealed class MutatingProxy : IDisposable
{
    private readonly HttpClient upstream = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly Uri target;
    private readonly ScriptedEndpoint endpoint;
    private int offset;

    public MutatingProxy(Uri target)
    {
        this.target = target;
        endpoint = new ScriptedEndpoint(Forward);
    }

    public Uri Endpoint => endpoint.Endpoint;

    /// <summary>Given the request number within the case, the operation, the real status, body and the request headers, the answer to give.</summary>
    public Func<int, string, int, string, NameValueCollection, (int Status, string Body)> Answer { get; set; } = (_, _, status, body, _) => (status, body);

    /// <summary>Given the operation and the request's body, an answer that replaces the peer's (nothing is forwarded), or null to forward.</summary>
    public Func<string, string, (int Status, string Body)?> Reply { get; set; } = (_, _) => null;

    /// <summary>Starts counting requests from 1 again (one case).</summary>
    public void NextCase() => offset = endpoint.Requests;

    public void Dispose()
    {
        endpoint.Dispose();
        upstream.Dispose();
    }

    /// <summary>
    /// The peer's answer. The peer is moto's Cloud Map: ECS and CloudFormation answer as AWS does for a registry deployed
    /// without them (no such cluster, no such stack), at once, instead of moto's errors for calls it has no state for.
    /// </summary>
    private (int Status, string Body) Peer(ScriptedRequest request)
    {
        if (request.Target.StartsWith("AmazonEC2ContainerServiceV20141113.", StringComparison.Ordinal))
        {
            return (400, """{ "__type": "ClusterNotFoundException", "message": "Cluster not found." }""");
        }

        if (request.Target.Length == 0 && request.Body.Contains("Action=ListStackResources", StringComparison.Ordinal))
        {
            return (400, "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id it does not exist</Message></Error></ErrorResponse>");
        }

        using var forward = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(request.Body, Encoding.UTF8) };
        forward.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        forward.Headers.TryAddWithoutValidation("X-Amz-Target", request.Target);
        forward.Headers.TryAddWithoutValidation("Authorization", request.Headers["Authorization"]);
        forward.Headers.TryAddWithoutValidation("X-Amz-Date", request.Headers["X-Amz-Date"]);
        try
        {
            using var real = upstream.Send(forward);
            using var reader = new StreamReader(real.Content.ReadAsStream(), Encoding.UTF8);
            return ((int)real.StatusCode, reader.ReadToEnd());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (502, string.Empty);
        }
    }

    private (int Status, string Body, TimeSpan Delay) Forward(ScriptedRequest request)
    {
        if (Reply(request.Target[(request.Target.LastIndexOf('.') + 1)..], request.Body) is { } reply)
        {
            return (reply.Status, reply.Body, TimeSpan.Zero);
        }

        var (realStatus, realBody) = Peer(request);
        var operation = request.Target[(request.Target.LastIndexOf('.') + 1)..];
        var (status, body) = Answer(request.Number - offset, operation, realStatus, realBody, request.Headers);
        return (status, body, TimeSpan.Zero);
    }
}
