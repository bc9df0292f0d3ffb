using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>Reads what validation reported: the thrown error, or the warnings left on a stack.</summary>
internal static class Findings
{
    /// <summary>Synthesizes the app of <paramref name="stack"/> and returns the error synthesis must throw (synth-time rules, CDK validations).</summary>
    public static Exception SynthError(Stack stack) => Assert.ThrowsAny<Exception>(() => ((App)stack.Node.Root).Synth());

    /// <summary>Runs <paramref name="create"/> and returns the validation error it must throw.</summary>
    public static DiscoveryValidationException Error(Action create) => Assert.Throws<DiscoveryValidationException>(create);

    /// <summary>The warning messages on <paramref name="stack"/> and its children, without CDK's "[ack: ...]" suffix.</summary>
    public static IReadOnlyList<string> Warnings(Stack stack)
        => Amazon.CDK.Assertions.Annotations.FromStack(stack)
            .FindWarning("*", Match.AnyValue())
            .Select(m => m.Entry.Data?.ToString() ?? string.Empty)
            .Select(text => text.Contains(" [ack: ", StringComparison.Ordinal) ? text[..text.IndexOf(" [ack: ", StringComparison.Ordinal)] : text)
            .ToList();

    /// <summary>The warnings of <paramref name="stack"/> that carry <paramref name="ruleId"/>.</summary>
    public static IReadOnlyList<string> Warnings(Stack stack, string ruleId)
        => Warnings(stack).Where(w => w.EndsWith($"[{RuleInfo.Prefix}{ruleId}]", StringComparison.Ordinal)).ToList();
}
