using System.Text.Json.Nodes;
using System.Xml.Linq;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Reports;

namespace EcsDiscoveryConstructs.Verifier.Tests.Reports;

/// <summary>The three report formats, written directly (the CLI tests reach them only end to end).</summary>
public sealed class ReportWriterTests
{
    private static readonly VerificationReport Report = new(
    [
        new("Shop", "namespace-exists", "shop.internal", CheckStatus.Pass, "DNS_PRIVATE namespace ns-1") { Expected = "DNS_PRIVATE", Actual = "DNS_PRIVATE" },
        new("Shop", "instance-count", "shop.internal/orders", CheckStatus.Fail, "1 instances, expected 2") { Expected = "2", Actual = "1" },
        new("Billing", "unknown-services", "billing.internal", CheckStatus.Warn, "services the assembly does not declare: legacy") { Expected = "none", Actual = "legacy" },
        new("Billing", "service-exists", "billing.internal/x", CheckStatus.Skip, "its name is not known before deployment"),
    ]);

    [Fact]
    public void Table_HasAHeader_PaddedColumns_ARowPerCheck_AndTheSummary()
    {
        var lines = ReportWriter.Table(Report).Split('\n');
        Assert.Equal(7, lines.Length); // header, four rows, summary, final newline
        Assert.Equal("STATUS  STACK    CHECK             TARGET                DETAILS", lines[0]);
        Assert.Equal("FAIL    Shop     instance-count    shop.internal/orders  1 instances, expected 2", lines[2]);
        Assert.Equal("SKIP    Billing  service-exists    billing.internal/x    its name is not known before deployment", lines[4]);
        Assert.Equal("1 passed, 1 failed, 1 warnings, 1 skipped", lines[5]);
        Assert.Equal(string.Empty, lines[6]);
    }

    [Fact]
    public void Json_CarriesVersionVerdictSummaryAndEveryResultInOrder()
    {
        var json = JsonNode.Parse(ReportWriter.Json(Report))!;
        Assert.Equal(1, json["version"]!.GetValue<int>());
        Assert.False(json["passed"]!.GetValue<bool>());
        Assert.Equal("{\"passed\":1,\"failed\":1,\"warnings\":1,\"skipped\":1}", json["summary"]!.ToJsonString());
        var results = json["results"]!.AsArray();
        Assert.Equal(["pass", "fail", "warn", "skip"], results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal("{\"stack\":\"Shop\",\"check\":\"instance-count\",\"target\":\"shop.internal/orders\",\"status\":\"fail\",\"message\":\"1 instances, expected 2\",\"expected\":\"2\",\"actual\":\"1\"}", results[1]!.ToJsonString());
        Assert.Null(results[3]!["expected"]);
        Assert.EndsWith("}\n", ReportWriter.Json(Report), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OfAPassingReport_SaysPassed()
        => Assert.True(JsonNode.Parse(ReportWriter.Json(new VerificationReport([Report.Results[0]])))!["passed"]!.GetValue<bool>());

    [Fact]
    public void JUnit_HasASuitePerStack_ACasePerCheck_AndCountsPerSuiteAndOverall()
    {
        var text = ReportWriter.JUnit(Report);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n", text, StringComparison.Ordinal);
        var root = XDocument.Parse(text).Root!;
        Assert.Equal(("testsuites", "ecs-discovery verify", "4", "1", "1"), (root.Name.LocalName, root.Attribute("name")!.Value, root.Attribute("tests")!.Value, root.Attribute("failures")!.Value, root.Attribute("skipped")!.Value));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["Shop", "Billing"], suites.Select(s => s.Attribute("name")!.Value));
        Assert.Equal(("2", "1", "0", "0"), (suites[0].Attribute("tests")!.Value, suites[0].Attribute("failures")!.Value, suites[0].Attribute("skipped")!.Value, suites[0].Attribute("errors")!.Value));
        Assert.Equal(("2", "0", "1"), (suites[1].Attribute("tests")!.Value, suites[1].Attribute("failures")!.Value, suites[1].Attribute("skipped")!.Value));

        var failed = suites[0].Elements("testcase").Single(c => c.Attribute("name")!.Value == "instance-count shop.internal/orders");
        Assert.Equal("ecs-discovery.Shop", failed.Attribute("classname")!.Value);
        var failure = failed.Element("failure")!;
        Assert.Equal(("1 instances, expected 2", "instance-count", "1 instances, expected 2"), (failure.Attribute("message")!.Value, failure.Attribute("type")!.Value, failure.Value));
        Assert.Equal("DNS_PRIVATE namespace ns-1", suites[0].Elements("testcase").First().Element("system-out")!.Value);
        Assert.Equal("WARNING: services the assembly does not declare: legacy", suites[1].Elements("testcase").First().Element("system-out")!.Value);
        Assert.Equal("its name is not known before deployment", suites[1].Elements("testcase").Last().Element("skipped")!.Attribute("message")!.Value);
    }

    [Theory]
    [InlineData("json", "{")]
    [InlineData("JSON", "{")]
    [InlineData("junit", "<?xml")]
    [InlineData("table", "STATUS")]
    [InlineData("anything", "STATUS")]
    public void Format_PicksByName(string format, string start)
        => Assert.StartsWith(start, ReportWriter.Format(Report, format), StringComparison.Ordinal);

    [Fact]
    public void AFailuresCause_IsASecondTableLine_AJsonMember_AndPartOfTheJUnitFailure()
    {
        var report = new VerificationReport(
        [
            new("Shop", "instance-count", "apps/backend", CheckStatus.Fail, "4 instances, expected 2") { Expected = "2", Actual = "4", Cause = "ECS service shop/backend (ACTIVE): 4 of 2 running" },
            new("Shop", "namespace-exists", "apps", CheckStatus.Pass, "ok") { Expected = "apps", Actual = "apps" },
        ]);
        Assert.Equal(
            "STATUS  STACK  CHECK             TARGET        DETAILS\n"
            + "FAIL    Shop   instance-count    apps/backend  4 instances, expected 2\n"
            + "                                               cause: ECS service shop/backend (ACTIVE): 4 of 2 running\n"
            + "PASS    Shop   namespace-exists  apps          ok\n"
            + "1 passed, 1 failed, 0 warnings, 0 skipped\n",
            ReportWriter.Table(report));
        var results = JsonNode.Parse(ReportWriter.Json(report))!["results"]!.AsArray();
        Assert.Equal("ECS service shop/backend (ACTIVE): 4 of 2 running", results[0]!["cause"]!.GetValue<string>());
        Assert.False(results[1]!.AsObject().ContainsKey("cause"));
        Assert.Contains("4 instances, expected 2\ncause: ECS service shop/backend (ACTIVE): 4 of 2 running</failure>", ReportWriter.JUnit(report), StringComparison.Ordinal);
    }
}
