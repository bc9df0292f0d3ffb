using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.CDK;
using EcsDiscoveryConstructs.Validation;
using Xunit.Sdk;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// The property every generated app must have: synthesis fails with our error, every line of which names a construct
/// path and a rule id, or the templates pass the acceptance checks of what AWS accepts. Anything else (a raw jsii or
/// CDK error, a CDK validation line without our rule id, a template AWS would reject) fails.
/// </summary>
internal static partial class SynthOutcome
{
    /// <summary>How each outcome was reached, for the run summary.</summary>
    public enum Kind
    {
        Synthesized,
        PropsError,
        SynthValidationError,
    }

    /// <summary>Builds the app with <paramref name="build"/>, synthesizes it and judges the outcome; throws when the property does not hold.</summary>
    public static Kind Judge(App app, Action build)
    {
        try
        {
            build();
            var assembly = app.Synth();
            var problems = assembly.Stacks
                .Select(s => new TemplateView(JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, s.TemplateFile)))!.AsObject()))
                .SelectMany(t => CloudMapAcceptance.Problems(t).Concat(InstanceAcceptance.Problems(t)).Concat(EcsAcceptance.Problems(t)).Concat(CanaryAcceptance.Problems(t)))
                .ToList();
            if (problems.Count > 0)
            {
                throw new XunitException("Synthesized a template AWS would reject:\n - " + string.Join("\n - ", problems));
            }

            return Kind.Synthesized;
        }
        catch (DiscoveryValidationException e)
        {
            var bad = e.Errors.Where(line => !PropsErrorLine().IsMatch(line)).ToList();
            if (bad.Count > 0 || e.Errors.Count == 0)
            {
                throw new XunitException($"Our exception has lines without a construct path and rule id:\n{string.Join("\n", bad)}");
            }

            return Kind.PropsError;
        }
        catch (Exception e) when (e is not XunitException && e.Message.StartsWith("Error: Validation failed with the following errors:", StringComparison.Ordinal))
        {
            var lines = e.Message.Split('\n').Skip(1).Where(l => l.Trim().Length > 0).ToList();
            var bad = lines.Where(line => !SynthErrorLine().IsMatch(line.Trim())).ToList();
            if (bad.Count > 0 || lines.Count == 0)
            {
                throw new XunitException($"Synthesis failed with lines that are not ours (no construct path or rule id):\n{string.Join("\n", bad)}");
            }

            return Kind.SynthValidationError;
        }
    }

    /// <summary><c>Kind 'App/Path': ... [ecs-discovery:rule-id]</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z]+ '[^']+'(?: and '[^']+')*: .+ \[ecs-discovery:[a-z0-9-]+\]$", RegexOptions.Singleline)]
    private static partial Regex PropsErrorLine();

    /// <summary>The CDK's <c>[construct/path] message</c> line around one of our messages.</summary>
    [GeneratedRegex(@"^\[[^\]]+\] .+ \[ecs-discovery:[a-z0-9-]+\]$", RegexOptions.Singleline)]
    private static partial Regex SynthErrorLine();
}
