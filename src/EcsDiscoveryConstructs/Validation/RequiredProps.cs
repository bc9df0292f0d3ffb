using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// The guard run before any other rule of a construct: every prop C# marks <c>required</c> is set. C# lets
/// <c>null!</c> through, and the CDK would then fail with a deserialisation error that names neither the construct
/// nor the prop.
/// </summary>
internal static class RequiredProps
{
    public static RuleInfo Info => new(
        "required-props",
        RuleLevel.Error,
        "Every required prop is set (not null).",
        "C# lets 'null!' through a required member; the CDK then fails with a jsii deserialisation error or a NullReferenceException that names neither the construct nor the prop.");

    /// <summary>Throws one <see cref="DiscoveryValidationException"/> naming every prop of <paramref name="props"/> that is null.</summary>
    public static void Check(IConstruct construct, string kind, params (string Property, object? Value)[] props)
    {
        if (props.Any(p => p.Value is null))
        {
            CheckAt(kind, construct.Node.Path, props);
        }
    }

    /// <summary>The path a construct <paramref name="id"/> created under <paramref name="scope"/> will have (just its id at the root).</summary>
    public static string ChildPath(IConstruct scope, string id) => scope.Node.Path.Length == 0 ? id : $"{scope.Node.Path}/{id}";

    /// <summary>As <see cref="Check"/>, for a construct about to be created at <paramref name="path"/>.</summary>
    public static void CheckAt(string kind, string path, params (string Property, object? Value)[] props)
    {
        var errors = props.Where(p => p.Value is null)
            .Select(p => RuleRunner.Format(kind, path, Info, new Violation($"{p.Property} (null)", "is required", $"Set {p.Property}; it cannot be null.")))
            .ToList();
        if (errors.Count > 0)
        {
            throw new DiscoveryValidationException(kind, path, errors);
        }
    }
}
