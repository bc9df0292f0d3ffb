using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Expectations;

/// <summary>
/// What deployed stacks declare, read from CloudFormation instead of a cloud assembly: DescribeStacks, then GetTemplate
/// (the processed template, so property overrides and transforms are what CloudFormation holds) read by the same
/// <see cref="TemplateTopologyReader"/> as an assembly's templates. A template is read again only when the stack's last
/// change (LastUpdatedTime, else CreationTime) differs from the one it was read at, so a long-lived reader (the canary)
/// follows stack updates with one DescribeStacks per stack and run.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html (TemplateStage Processed);
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html.
/// </remarks>
internal sealed class DeployedTemplates
{
    private readonly Dictionary<string, (DateTimeOffset? ChangedAt, StackTopology Topology)> cache = new(StringComparer.Ordinal);

    /// <summary>How many templates were fetched (GetTemplate) so far.</summary>
    public int TemplatesRead { get; private set; }

    /// <summary>
    /// The topology of the deployed stack <paramref name="stackName"/>. Throws <see cref="CloudFormationException"/> when
    /// the stack cannot be read and <see cref="AssemblyException"/> when its template is not a JSON template.
    /// </summary>
    /// <param name="reader">The CloudFormation reader of this call (a long-lived cache outlives the credentials of one).</param>
    /// <param name="stackName">The stack's name or id.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<StackTopology> ReadAsync(ICloudFormationReader reader, string stackName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        var summary = await reader.DescribeStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (summary.ChangedAt is { } changed && cache.TryGetValue(stackName, out var known) && known.ChangedAt == changed)
        {
            return known.Topology;
        }

        var body = await reader.GetTemplateAsync(stackName, cancellationToken).ConfigureAwait(false);
        TemplatesRead++;
        var topology = TemplateTopologyReader.Read(stackName, body, $"The deployed template of stack '{stackName}'") with { DeployedName = stackName };
        cache[stackName] = (summary.ChangedAt, topology);
        return topology;
    }
}
