using System.Text.Json;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Reports;

namespace EcsDiscoveryConstructs.Verifier.Canary;

/// <summary>
/// A verification as CloudWatch Embedded Metric Format lines (one JSON object per line, which CloudWatch Logs turns
/// into metrics): per stack, and per stack and target, the counts ChecksPassed, ChecksFailed and ChecksSkipped; then one
/// line with the whole report (JSON report schema version 1). A canary's lines carry its own dimension (<c>Canary</c>, its
/// construct path) before the others, so two canaries checking one stack never count each other's results.
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
/// </summary>
internal static class EmbeddedMetrics
{
    /// <summary>The CloudWatch metric namespace.</summary>
    public const string MetricNamespace = "EcsDiscovery";

    private static readonly string[] Metrics = ["ChecksPassed", "ChecksFailed", "ChecksSkipped"];

    /// <summary>The lines for <paramref name="report"/>, stamped with <paramref name="timestamp"/>, of <paramref name="canary"/> when given.</summary>
    public static IReadOnlyList<string> Lines(VerificationReport report, DateTimeOffset timestamp, string? canary = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        (string Name, string Value)[] own = canary is null ? [] : [("Canary", canary)];
        var lines = new List<string>();
        foreach (var stack in report.Results.GroupBy(r => r.Stack).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            lines.Add(Line(timestamp, [.. own, ("Stack", stack.Key)], stack.ToList()));
            foreach (var target in stack.GroupBy(r => r.Target).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                lines.Add(Line(timestamp, [.. own, ("Stack", stack.Key), ("Target", target.Key)], target.ToList()));
            }
        }

        lines.Add(JsonNode.Parse(ReportWriter.Format(report, "json"))!.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return lines;
    }

    private static string Line(DateTimeOffset timestamp, (string Name, string Value)[] dimensions, IReadOnlyList<CheckResult> results)
    {
        var line = new JsonObject
        {
            ["_aws"] = new JsonObject
            {
                ["Timestamp"] = timestamp.ToUnixTimeMilliseconds(),
                ["CloudWatchMetrics"] = new JsonArray(new JsonObject
                {
                    ["Namespace"] = MetricNamespace,
                    ["Dimensions"] = new JsonArray(new JsonArray(dimensions.Select(d => (JsonNode)JsonValue.Create(d.Name)!).ToArray())),
                    ["Metrics"] = new JsonArray(Metrics.Select(m => (JsonNode)new JsonObject { ["Name"] = m, ["Unit"] = "Count" }).ToArray()),
                }),
            },
        };
        foreach (var (name, value) in dimensions)
        {
            line[name] = value;
        }

        line["ChecksPassed"] = results.Count(r => r.Status == CheckStatus.Pass);
        line["ChecksFailed"] = results.Count(r => r.Status == CheckStatus.Fail);
        line["ChecksSkipped"] = results.Count(r => r.Status == CheckStatus.Skip);
        return line.ToJsonString();
    }
}
