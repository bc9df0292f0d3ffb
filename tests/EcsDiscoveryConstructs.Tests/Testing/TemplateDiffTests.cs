using System.Text.Json;

namespace EcsDiscoveryConstructs.Tests.Testing;

public class TemplateDiffTests
{
    private const string Golden = """
        {"Resources":{
          "Svc":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"Name":"orders","DnsConfig":{"DnsRecords":[{"Type":"A","TTL":10}],"RoutingPolicy":"MULTIVALUE"}}},
          "Old":{"Type":"AWS::SNS::Topic"},
          "Swap":{"Type":"AWS::SQS::Queue"}
        },
        "Outputs":{"Arn":{"Value":"a"}}}
        """;

    [Fact]
    public void Compare_ReportsAddedRemovedChangedAndReplaced_WithPropertyPaths()
    {
        const string Received = """
            {"Resources":{
              "Svc":{"Type":"AWS::ServiceDiscovery::Service","Properties":{"Name":"orders","DnsConfig":{"DnsRecords":[{"Type":"A","TTL":60},{"Type":"SRV","TTL":60}],"RoutingPolicy":"MULTIVALUE"}}},
              "New":{"Type":"AWS::SNS::Topic"},
              "Swap":{"Type":"AWS::SNS::Topic"}
            },
            "Outputs":{"Arn":{"Value":"b"}}}
            """;
        var changes = TemplateDiff.Compare(Golden, Received);
        Assert.Equal(
            [
                ("Resources", "New", ChangeKind.Added),
                ("Resources", "Old", ChangeKind.Removed),
                ("Resources", "Svc", ChangeKind.Changed),
                ("Resources", "Swap", ChangeKind.Replaced),
                ("Outputs", "Arn", ChangeKind.Changed),
            ],
            changes.Select(c => (c.Section, c.LogicalId, c.Kind)));
        Assert.Equal(
            [
                new PropertyChange("Properties.DnsConfig.DnsRecords[0].TTL", "10", "60", false),
                new PropertyChange("Properties.DnsConfig.DnsRecords[1]", null, "{\"Type\":\"SRV\",\"TTL\":60}", false),
            ],
            changes.Single(c => c.LogicalId == "Svc").Properties);
        Assert.Equal(
            "4 resource change(s), 1 replacement(s), 1 other change(s)\n"
            + "[+] AWS::SNS::Topic New\n"
            + "[-] AWS::SNS::Topic Old\n"
            + "[~] AWS::ServiceDiscovery::Service Svc\n"
            + "    Properties.DnsConfig.DnsRecords[0].TTL: 10 -> 60\n"
            + "    Properties.DnsConfig.DnsRecords[1]: (none) -> {\"Type\":\"SRV\",\"TTL\":60}\n"
            + "[!] AWS::SNS::Topic Swap replace\n"
            + "    Type: \"AWS::SQS::Queue\" -> \"AWS::SNS::Topic\" (requires replacement)\n"
            + "[~] Outputs Arn\n"
            + "    Value: \"a\" -> \"b\"\n",
            TemplateDiff.Describe(changes));
    }

    [Fact]
    public void Compare_RenamingACloudMapService_IsAReplacement()
    {
        var changes = TemplateDiff.Compare(Golden, Golden.Replace("\"Name\":\"orders\"", "\"Name\":\"billing\"", StringComparison.Ordinal));
        var change = Assert.Single(changes);
        Assert.Equal(ChangeKind.Replaced, change.Kind);
        Assert.Equal(new PropertyChange("Properties.Name", "\"orders\"", "\"billing\"", true), Assert.Single(change.Properties));
    }

    [Fact]
    public void Compare_EqualTemplates_AndHostileInputs()
    {
        Assert.Empty(TemplateDiff.Compare(Golden, Golden));
        Assert.Throws<JsonException>(() => TemplateDiff.Compare("[1]", Golden));
        Assert.ThrowsAny<JsonException>(() => TemplateDiff.Compare(Golden, "{\"Resources\":"));
        // A section of the wrong shape is read as empty, never a crash.
        Assert.Equal(["Old", "Svc", "Swap", "Arn"], TemplateDiff.Compare(Golden, "{\"Resources\":[],\"Outputs\":\"x\"}").Select(c => c.LogicalId));
        var huge = TemplateDiff.Compare(Golden, Golden.Replace("\"Value\":\"a\"", $"\"Value\":\"{new string('x', 5000)}\"", StringComparison.Ordinal));
        Assert.EndsWith("...", Assert.Single(huge).Properties.Single().After, StringComparison.Ordinal);
    }
}
