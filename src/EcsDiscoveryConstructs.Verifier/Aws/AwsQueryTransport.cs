using System.Net;
using System.Text;
using System.Xml.Linq;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Aws;

/// <summary>
/// The AWS Query protocol (CloudFormation, IAM), over <see cref="AwsTransport"/>: a form-encoded POST of <c>Action</c>,
/// <c>Version</c> and the parameters; a successful answer is <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;</c>, an
/// error <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>; pagination by <c>NextToken</c>. Answers are
/// read as untrusted XML (no DTD, bounded size).
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonParameters.html, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html.</remarks>
internal sealed class AwsQueryTransport : IDisposable
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly AwsTransport transport;
    private readonly string version;
    private readonly bool resultWrapper;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Region, credentials, retries, timeouts.</param>
    /// <param name="signingService">The SigV4 service name, e.g. <c>cloudformation</c>.</param>
    /// <param name="version">The API version, e.g. <c>2010-05-15</c>.</param>
    /// <param name="error">Makes the client's exception from (operation, code, message, status, cause).</param>
    /// <param name="handler">Replaces the HTTP transport (tests).</param>
    /// <param name="resultWrapper">False for EC2's variant, whose answer is <c>&lt;{Action}Response&gt;</c> itself, without a Result element.</param>
    public AwsQueryTransport(AwsClientOptions options, string signingService, string version, Func<string, string, string, HttpStatusCode?, Exception?, AwsApiException> error, HttpMessageHandler? handler, bool resultWrapper = true)
    {
        transport = new AwsTransport(options, signingService, error, handler);
        this.version = version;
        this.resultWrapper = resultWrapper;
    }

    /// <summary>How many HTTP requests were sent, retries included.</summary>
    public int RequestCount => transport.RequestCount;

    /// <summary>The service's endpoint in the Region's partition, or the options' custom one.</summary>
    public Uri Endpoint(string hostPrefix) => transport.Endpoint(hostPrefix);

    /// <summary>The <c>{Action}Result</c> element of every page, following <c>NextToken</c>.</summary>
    public IAsyncEnumerable<XElement> PagesAsync(string action, IReadOnlyList<(string Name, string Value)> parameters, Uri target, CancellationToken cancellationToken)
        => transport.PagesAsync(
            action,
            "NextToken",
            token => SendAsync(action, token is null ? parameters : [.. parameters, ("NextToken", token)], target, cancellationToken),
            result => transport.Shaped(action, result, r => UntrustedXml.Text(r, "NextToken", action)));

    /// <summary>Sends one call, retried while the failure is transient, and returns its <c>{Action}Result</c> element.</summary>
    public async Task<XElement> SendAsync(string action, IReadOnlyList<(string Name, string Value)> parameters, Uri target, CancellationToken cancellationToken)
    {
        var form = string.Join("&", new[] { ("Action", action), ("Version", version) }.Concat(parameters).Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
        var text = await transport.SendAsync(action, new AwsRequestBody(Encoding.UTF8.GetBytes(form), ContentType, []), Failure, target, cancellationToken).ConfigureAwait(false);
        return transport.Shaped(action, text, t =>
        {
            var root = UntrustedXml.Parse(t, action);
            return root.Name.LocalName != $"{action}Response"
                ? throw new InputException($"{action}: the answer's root element is <{root.Name.LocalName}>, expected <{action}Response>")
                : resultWrapper ? UntrustedXml.Child(root, $"{action}Result", action) ?? new XElement($"{action}Result") : root;
        });
    }

    /// <summary>Reads an answer with <paramref name="read"/>; an answer of another shape than the API's becomes the client's typed error.</summary>
    public TResult Shaped<TSource, TResult>(string operation, TSource answer, Func<TSource, TResult> read) => transport.Shaped(operation, answer, read);

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <summary>The Query protocol's error: <c>ErrorResponse/Error</c> (EC2: <c>Response/Errors/Error</c>) <c>Code</c> and <c>Message</c>; an unreadable body gives neither.</summary>
    private static (string? Code, string? Message) Failure(HttpStatusCode status, string text, System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        try
        {
            var root = UntrustedXml.Parse(text, "error");
            var error = UntrustedXml.Child(root, "Error", "error") ?? UntrustedXml.Child(UntrustedXml.Child(root, "Errors", "error"), "Error", "error");
            return (UntrustedXml.Text(error, "Code", "error"), UntrustedXml.Text(error, "Message", "error"));
        }
        catch (InputException)
        {
            return (null, null);
        }
    }
}
