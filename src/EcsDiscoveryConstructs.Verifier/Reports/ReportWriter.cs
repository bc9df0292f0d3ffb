using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using EcsDiscoveryConstructs.Verifier.Checks;

namespace EcsDiscoveryConstructs.Verifier.Reports;

/// <summary>Writes a <see cref="VerificationReport"/> as a table, JSON (schema version 1) or JUnit XML.</summary>
internal static class ReportWriter
{
    /// <summary>The JSON schema version; bumped only when a member is removed or changes meaning.</summary>
    public const int JsonVersion = 1;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>A fixed-width table, one row per check, then a summary line.</summary>
    public static string Table(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Results.Select(r => new[] { r.Status.ToString().ToUpperInvariant(), r.Stack, r.Check, r.Target, r.Message, r.Cause ?? string.Empty }).ToList();
        string[] header = ["STATUS", "STACK", "CHECK", "TARGET", "DETAILS"];
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join("  ", row.Take(4).Select((cell, i) => cell.PadRight(widths[i])))).Append("  ").Append(row[4]).Append('\n');
            if (row.Length > 5 && row[5].Length > 0)
            {
                // A failure's cause goes on a second line, under DETAILS.
                text.Append(' ', widths.Sum() + (2 * widths.Length)).Append("cause: ").Append(row[5]).Append('\n');
            }
        }

        return text.Append(Summary(report)).Append('\n').ToString();
    }

    /// <summary>The one-line summary: <c>N passed, N failed, N warnings, N skipped</c>.</summary>
    public static string Summary(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.Count(CheckStatus.Pass)} passed, {report.Count(CheckStatus.Fail)} failed, {report.Count(CheckStatus.Warn)} warnings, {report.Count(CheckStatus.Skip)} skipped";
    }

    /// <summary>
    /// JSON: <c>{"version":1,"passed":bool,"summary":{"passed","failed","warnings","skipped"},"results":[{"stack","check","target","status","message","expected","actual"}]}</c>;
    /// <c>status</c> is one of pass, fail, warn, skip; <c>expected</c> and <c>actual</c> are strings (null for skipped
    /// checks) a pipeline can compare without parsing the message; a failure explained by what ECS says carries
    /// <c>cause</c> (absent otherwise); results keep the order the checks ran in.
    /// </summary>
    public static string Json(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["version"] = JsonVersion,
            ["passed"] = report.Passed,
            ["summary"] = new JsonObject
            {
                ["passed"] = report.Count(CheckStatus.Pass),
                ["failed"] = report.Count(CheckStatus.Fail),
                ["warnings"] = report.Count(CheckStatus.Warn),
                ["skipped"] = report.Count(CheckStatus.Skip),
            },
            ["results"] = new JsonArray(report.Results.Select(r => (JsonNode)Result(r)).ToArray()),
        };
        return json.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Result(CheckResult r)
    {
        var result = new JsonObject
        {
            ["stack"] = r.Stack,
            ["check"] = r.Check,
            ["target"] = r.Target,
            ["status"] = r.Status.ToString().ToLowerInvariant(),
            ["message"] = r.Message,
            ["expected"] = r.Expected,
            ["actual"] = r.Actual,
        };
        if (r.Cause is { } cause)
        {
            result["cause"] = cause;
        }

        return result;
    }

    /// <summary>JUnit XML: one test suite per stack, one test case per check; failures carry the difference, warnings go to system-out.</summary>
    public static string JUnit(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suites = report.Results.GroupBy(r => r.Stack).Select(g => new XElement(
            "testsuite",
            new XAttribute("name", g.Key),
            new XAttribute("tests", g.Count()),
            new XAttribute("failures", g.Count(r => r.Status == CheckStatus.Fail)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", g.Count(r => r.Status == CheckStatus.Skip)),
            g.Select(r => new XElement(
                "testcase",
                new XAttribute("classname", $"ecs-discovery.{r.Stack}"),
                new XAttribute("name", $"{r.Check} {r.Target}"),
                r.Status switch
                {
                    CheckStatus.Fail => new XElement("failure", new XAttribute("message", r.Message), new XAttribute("type", r.Check), r.Cause is null ? r.Message : $"{r.Message}\ncause: {r.Cause}"),
                    CheckStatus.Skip => new XElement("skipped", new XAttribute("message", r.Message)),
                    CheckStatus.Warn => new XElement("system-out", $"WARNING: {r.Message}"),
                    _ => new XElement("system-out", r.Message),
                }))));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "ecs-discovery verify"),
            new XAttribute("tests", report.Results.Count),
            new XAttribute("failures", report.Count(CheckStatus.Fail)),
            new XAttribute("skipped", report.Count(CheckStatus.Skip)),
            suites);
        return new XDeclaration("1.0", "utf-8", null).ToString() + "\n" + root.ToString() + "\n";
    }

    /// <summary>Formats with the named format: <c>table</c>, <c>json</c> or <c>junit</c>.</summary>
    public static string Format(VerificationReport report, string format) => format.ToLower(CultureInfo.InvariantCulture) switch
    {
        "json" => Json(report),
        "junit" => JUnit(report),
        _ => Table(report),
    };
}
