using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Canary;
using EcsDiscoveryConstructs.Verifier.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.Canary;

public sealed class CanaryRuntimeTests
{
    [Fact]
    public void EmbeddedMetrics_OneLinePerStackAndTarget_ThenTheReport()
    {
        var report = new VerificationReport(
        [
            new("Shop", "namespace-exists", "internal.example.com", CheckStatus.Pass, "ok"),
            new("Shop", "instance-count", "internal.example.com/orders", CheckStatus.Fail, "1 instances, expected 2"),
            new("Shop", "instance-health", "internal.example.com/orders", CheckStatus.Pass, "ok"),
        ]);
        var lines = EmbeddedMetrics.Lines(report, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(4, lines.Count);
        var stack = lines[0];
        Assert.Equal(1_700_000_000_000, stack["_aws"]!["Timestamp"]!.GetValue<long>());
        Assert.Equal("EcsDiscovery", stack["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>());
        Assert.Equal("[[\"Stack\"]]", stack["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.ToJsonString());
        Assert.Equal((2, 1, 0), (stack["ChecksPassed"]!.GetValue<int>(), stack["ChecksFailed"]!.GetValue<int>(), stack["ChecksSkipped"]!.GetValue<int>()));
        var orders = lines.Single(l => l["Target"]?.GetValue<string>() == "internal.example.com/orders");
        Assert.Equal("[[\"Stack\",\"Target\"]]", orders["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.ToJsonString());
        Assert.Equal(1, orders["ChecksFailed"]!.GetValue<int>());
        Assert.False(lines[3]["passed"]!.GetValue<bool>());
    }

    [Fact]
    public void EmbeddedMetrics_OfACanary_CarryItsOwnDimensionFirst()
    {
        var report = new VerificationReport([new("Shop", "instance-count", "internal.example.com/orders", CheckStatus.Fail, "1 instances, expected 2")]);
        var lines = EmbeddedMetrics.Lines(report, DateTimeOffset.UnixEpoch, "Shop/Canary").Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal("[[\"Canary\",\"Stack\"]]", lines[0]["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.ToJsonString());
        Assert.Equal("[[\"Canary\",\"Stack\",\"Target\"]]", lines[1]["_aws"]!["CloudWatchMetrics"]![0]!["Dimensions"]!.ToJsonString());
        Assert.All(lines.SkipLast(1), l => Assert.Equal("Shop/Canary", l["Canary"]!.GetValue<string>()));
    }

    [Fact]
    public void EmbeddedMetrics_OrderStacksAndTargets_NameEachMetricAsACount_AndRefuseNull()
    {
        var report = new VerificationReport(
        [
            new("Zeta", "namespace-exists", "z.internal", CheckStatus.Skip, "skipped"),
            new("Alpha", "instance-count", "a.internal/web", CheckStatus.Pass, "ok"),
            new("Alpha", "namespace-exists", "a.internal", CheckStatus.Fail, "missing"),
        ]);
        var lines = EmbeddedMetrics.Lines(report, DateTimeOffset.UnixEpoch).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(
            ["Alpha -", "Alpha a.internal", "Alpha a.internal/web", "Zeta -", "Zeta z.internal"],
            lines.SkipLast(1).Select(l => $"{l["Stack"]} {l["Target"]?.GetValue<string>() ?? "-"}"));
        Assert.Equal(
            "[{\"Name\":\"ChecksPassed\",\"Unit\":\"Count\"},{\"Name\":\"ChecksFailed\",\"Unit\":\"Count\"},{\"Name\":\"ChecksSkipped\",\"Unit\":\"Count\"}]",
            lines[0]["_aws"]!["CloudWatchMetrics"]![0]!["Metrics"]!.ToJsonString());
        Assert.DoesNotContain('\n', EmbeddedMetrics.Lines(report, DateTimeOffset.UnixEpoch).Last());
        Assert.Throws<ArgumentNullException>(() => EmbeddedMetrics.Lines(null!, DateTimeOffset.UnixEpoch).ToList());
    }

    [Fact]
    public async Task CanaryCheck_WritesTheMetrics_AndSummarisesTheCounts()
    {
        var registry = new Checks.FakeRegistry();
        var shop = registry.Namespace("shop.internal");
        registry.Instance(registry.Service(shop, "orders"), "i-1", "10.0.0.1", ecsService: "orders");
        var ns = Checks.FakeRegistry.Expected("shop.internal");
        using var log = new StringWriter();
        var summary = await new CanaryCheck(registry, null, log).RunAsync(new EcsDiscoveryConstructs.Verifier.Expectations.ExpectedState([ns], [Checks.FakeRegistry.Expected(ns, "orders", 2)]), CancellationToken.None);
        Assert.Equal("{\"passed\":false,\"checksPassed\":9,\"checksFailed\":1,\"checksSkipped\":0}", summary);
        Assert.Contains("\"ChecksFailed\":1", log.ToString(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentNullException>(() => new CanaryCheck(registry, null, log).RunAsync(null!, CancellationToken.None));
    }
}
