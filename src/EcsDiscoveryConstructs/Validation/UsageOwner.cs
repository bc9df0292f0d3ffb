using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Who put something into a namespace: a construct, and what of it (e.g. " (Cloud Map)"). Its path is read from the
/// CDK only when a message names it, which keeps synthesis free of a round trip per record.
/// </summary>
internal sealed record UsageOwner(IConstruct Construct, string Suffix = "")
{
    /// <inheritdoc />
    public override string ToString() => Construct.Node.Path + Suffix;
}
