using System.Net;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.CloudFormation;

/// <summary>A resource of a deployed stack: its logical id in the template, the physical id CloudFormation gave it, its type and status.</summary>
/// <param name="LogicalId">The template's logical id.</param>
/// <param name="PhysicalId">The name or id CloudFormation gave it (null while it is being created).</param>
/// <param name="Type">The resource type, e.g. <c>AWS::ECS::Cluster</c>.</param>
/// <param name="Status">Its status, e.g. <c>CREATE_COMPLETE</c>, <c>UPDATE_IN_PROGRESS</c>.</param>
internal sealed record StackResource(string LogicalId, string? PhysicalId, string Type, string? Status);

/// <summary>A deployed stack as DescribeStacks returns it.</summary>
/// <param name="StackId">The stack's id (its ARN).</param>
/// <param name="Status">Its status, e.g. <c>UPDATE_COMPLETE</c>.</param>
/// <param name="ChangedAt">When its template last changed: LastUpdatedTime, else CreationTime.</param>
internal sealed record StackSummary(string StackId, string? Status, DateTimeOffset? ChangedAt);

/// <summary>What the verifier reads from CloudFormation. Every call throws <see cref="CloudFormationException"/> when it cannot be read.</summary>
internal interface ICloudFormationReader
{
    /// <summary>Every resource of the deployed stack <paramref name="stackName"/> (name or id).</summary>
    Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The deployed stack <paramref name="stackName"/>: its id, status and when its template last changed (DescribeStacks).</summary>
    Task<StackSummary> DescribeStackAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>The deployed template's body after transforms (GetTemplate, TemplateStage Processed).</summary>
    Task<string> GetTemplateAsync(string stackName, CancellationToken cancellationToken);
}

/// <summary>A CloudFormation call failed: an AWS error (e.g. <c>ValidationError</c> for a stack that does not exist), a transport failure, a timeout or an answer that cannot be read.</summary>
internal sealed class CloudFormationException : AwsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The API operation, e.g. <c>ListStackResources</c>.</param>
    /// <param name="code">The AWS error code, or a local one: <c>Timeout</c>, <c>ConnectionFailed</c>, <c>MalformedResponse</c>, <c>PaginationLoop</c>.</param>
    /// <param name="message">The reason.</param>
    /// <param name="statusCode">The HTTP status, when there was an answer.</param>
    /// <param name="inner">The cause.</param>
    public CloudFormationException(string operation, string code, string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(operation, code, message, statusCode, inner)
    {
    }

    /// <summary>True when the stack does not exist (CloudFormation answers <c>ValidationError</c> "Stack with id ... does not exist").</summary>
    public bool IsMissingStack => Code == "ValidationError" && Message.Contains("does not exist", StringComparison.Ordinal);
}

/// <summary>
/// A small CloudFormation reader over the verifier's Query transport (signer, credentials, retries, redaction, untrusted
/// XML). It reads the physical ids of a deployed stack's resources with ListStackResources, which pages (NextToken)
/// where DescribeStackResources returns only a stack's first 100 resources.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ListStackResources.html (StackResourceSummaries:
/// LogicalResourceId, PhysicalResourceId, ResourceType, ResourceStatus; NextToken);
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResources.html ("Only the first 100
/// resources will be returned").
/// </remarks>
internal sealed class CloudFormationClient : ICloudFormationReader, IDisposable
{
    private const string Operation = "ListStackResources";

    private readonly AwsQueryTransport transport;
    private readonly Uri endpoint;

    /// <summary>Creates the reader; <paramref name="handler"/> replaces the HTTP transport (tests).</summary>
    public CloudFormationClient(AwsClientOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        transport = new AwsQueryTransport(options, "cloudformation", "2010-05-15", (operation, code, message, status, inner) => new CloudFormationException(operation, code, message, status, inner), handler);
        endpoint = transport.Endpoint("cloudformation");
    }

    /// <summary>The CloudFormation endpoint the reader calls.</summary>
    public Uri Endpoint => endpoint;

    /// <summary>How many HTTP requests the reader has sent, retries included.</summary>
    public int RequestCount => transport.RequestCount;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StackResource>> ListStackResourcesAsync(string stackName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        var resources = new List<StackResource>();
        await foreach (var page in transport.PagesAsync(Operation, [("StackName", stackName)], endpoint, cancellationToken).ConfigureAwait(false))
        {
            resources.AddRange(transport.Shaped(Operation, page, result => UntrustedXml.Children(UntrustedXml.Child(result, "StackResourceSummaries", Operation), "member").Select(member => new StackResource(
                Required(member, "LogicalResourceId"),
                UntrustedXml.Text(member, "PhysicalResourceId", Operation) is { Length: > 0 } physical ? physical : null,
                Required(member, "ResourceType"),
                UntrustedXml.Text(member, "ResourceStatus", Operation))).ToList()));
        }

        return resources;
    }

    /// <inheritdoc />
    public async Task<StackSummary> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        const string Describe = "DescribeStacks";
        var result = await transport.SendAsync(Describe, [("StackName", stackName)], endpoint, cancellationToken).ConfigureAwait(false);
        return transport.Shaped(Describe, result, r =>
        {
            var stack = UntrustedXml.Children(UntrustedXml.Child(r, "Stacks", Describe), "member").FirstOrDefault()
                ?? throw new InputException($"{Describe}: the answer names no stack");
            var id = UntrustedXml.Text(stack, "StackId", Describe) is { Length: > 0 } text ? text : throw new InputException($"{Describe}: Stacks/member/StackId is missing or empty");
            return new StackSummary(id, UntrustedXml.Text(stack, "StackStatus", Describe), Time(UntrustedXml.Text(stack, "LastUpdatedTime", Describe)) ?? Time(UntrustedXml.Text(stack, "CreationTime", Describe)));
        });
    }

    /// <inheritdoc />
    public async Task<string> GetTemplateAsync(string stackName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        const string Get = "GetTemplate";
        var result = await transport.SendAsync(Get, [("StackName", stackName), ("TemplateStage", "Processed")], endpoint, cancellationToken).ConfigureAwait(false);
        return transport.Shaped(Get, result, r => UntrustedXml.Text(r, "TemplateBody", Get) is { Length: > 0 } body ? body : throw new InputException($"{Get}: TemplateBody is missing or empty"));
    }

    /// <inheritdoc />
    public void Dispose() => transport.Dispose();

    /// <summary>An ISO 8601 time as CloudFormation writes it; null when absent or not a time.</summary>
    private static DateTimeOffset? Time(string? text)
        => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string Required(System.Xml.Linq.XElement member, string name)
        => UntrustedXml.Text(member, name, Operation) is { Length: > 0 } value ? value : throw new InputException($"{Operation}: StackResourceSummaries/member/{name} is missing or empty");
}
