namespace EcsDiscoveryConstructs.Validation;

/// <summary>One finding of a rule against one construct's props.</summary>
/// <param name="Subject">The property as the user wrote it, with its value, e.g. <c>DnsTtl 90 s</c>.</param>
/// <param name="Problem">What is wrong and what is allowed, e.g. <c>is out of range: use 0-2147483647 seconds</c>.</param>
/// <param name="Fix">What to do about it, as a sentence.</param>
internal sealed record Violation(string Subject, string Problem, string Fix)
{
    /// <summary>
    /// Where the props the rule read sit in the props the user wrote, when a construct checks the props of one it creates
    /// (e.g. <c>CloudMap.</c>: the rule's <c>DnsTtl</c> is the user's <c>CloudMap.DnsTtl</c>); null when they are the user's own.
    /// </summary>
    public string? Under { get; init; }

    /// <summary>What else the property is, said after it (e.g. that an ECS service's Name also names its Cloud Map service).</summary>
    public string? Note { get; init; }

    /// <summary>The property as the user wrote it: <see cref="Subject"/> under <see cref="Under"/>, with its <see cref="Note"/>.</summary>
    public string AsWritten => $"{Under}{Subject}{(Note is null ? string.Empty : $" ({Note})")}";
}
