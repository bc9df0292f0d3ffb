using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

/// <summary>One request the client sent: the operation (X-Amz-Target without its prefix), the URL, the headers and the body as JSON.</summary>
internal sealed record SentRequest(string Operation, Uri Url, IReadOnlyDictionary<string, string> Headers, JsonObject Body);

/// <summary>
/// An in-process HTTP transport for the AWS JSON clients (<see cref="Verifier.CloudMap.CloudMapClient"/>, <see cref="Verifier.Ecs.EcsClient"/>): answers each request with what the
/// script returns for it (status, body, extra headers) and records every request, so the wire format is pinned without
/// sockets or a Cloud Map peer.
/// </summary>
internal sealed class ScriptedHandler(Func<SentRequest, (HttpStatusCode Status, string Body)> script) : HttpMessageHandler
{
    public List<SentRequest> Sent { get; } = [];

    /// <summary>Headers added to every answer, e.g. x-amzn-ErrorType.</summary>
    public Dictionary<string, string> AnswerHeaders { get; } = [];

    /// <summary>The reason phrase of every answer; null keeps the default for the status.</summary>
    public string? ReasonPhrase { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content.Headers).ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal);
        var target = headers["x-amz-target"];
        var sent = new SentRequest(target[(target.LastIndexOf('.') + 1)..], request.RequestUri!, headers, (JsonObject)JsonNode.Parse(body)!);
        lock (Sent)
        {
            Sent.Add(sent);
        }

        var (status, answer) = script(sent);
        var response = new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/x-amz-json-1.1") };
        if (ReasonPhrase is not null)
        {
            response.ReasonPhrase = ReasonPhrase;
        }

        foreach (var (name, value) in AnswerHeaders)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
