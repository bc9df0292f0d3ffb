using System.Runtime.CompilerServices;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// The checks of one stack that must wait until the app is synthesized (after aspects and late changes), run by one
/// CDK validation on the stack's node. One object per stack rather than one per construct, found through the scope
/// constructs are created in: every call into the CDK costs about half a millisecond, and synthesis would otherwise
/// pay several per service.
/// </summary>
internal sealed class SynthChecks : DeputyBase, IValidation
{
    private static readonly ConditionalWeakTable<IConstruct, SynthChecks> ByScope = [];
    private static readonly ConditionalWeakTable<Stack, SynthChecks> ByStack = [];
    private readonly List<Func<IEnumerable<string>>> checks = [];

    private SynthChecks(Stack stack)
    {
        Stack = stack;
        stack.Node.AddValidation(this);
    }

    /// <summary>The stack the checks belong to.</summary>
    public Stack Stack { get; }

    /// <summary>The checks of the stack <paramref name="scope"/> is in (found once per scope object).</summary>
    public static SynthChecks For(IConstruct scope) => ByScope.GetValue(scope, s => ByStack.GetValue(Stack.Of(s), st => new SynthChecks(st)));

    /// <summary>Runs <paramref name="check"/> when the app is synthesized; it returns error messages.</summary>
    public void Add(Func<IEnumerable<string>> check) => checks.Add(check);

    /// <inheritdoc />
    public string[] Validate() => checks.SelectMany(check => check()).ToArray();
}
