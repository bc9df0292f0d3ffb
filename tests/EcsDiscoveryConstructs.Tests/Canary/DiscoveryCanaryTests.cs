using System.Security.Cryptography;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Canary;

public class DiscoveryCanaryTests
{
    [Fact]
    public void TheFunction_RunsTheEmbeddedBootstrapOnProvidedAl2023InTheVpc()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        var canary = create();
        var function = CanaryFixtures.Properties(w.Stack, "AWS::Lambda::Function");
        Assert.Equal(("provided.al2023", "bootstrap"), (Templates.Str(function["Runtime"]), Templates.Str(function["Handler"])));
        Assert.Equal(["x86_64"], function["Architectures"]!.AsArray().Select(Templates.Str));
        Assert.True(function.ContainsKey("VpcConfig"));

        var staged = Directory.GetDirectories(((App)w.Stack.Node.Root).Synth().Directory, "asset.*").Single();
        var bootstrap = Path.Combine(staged, "bootstrap");
        Assert.Equal(SHA256.HashData(CanaryBootstrap.Bytes()), SHA256.HashData(File.ReadAllBytes(bootstrap)));
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(bootstrap).HasFlag(UnixFileMode.UserExecute));
        Assert.Same(canary.Function, canary.Node.FindChild("Function"));
    }

    [Fact]
    public void Logs_AreEncryptedWithARotatedKeyForThatGroupOnly_AndKeptAYear()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc });
        _ = create();
        var logs = CanaryFixtures.Properties(w.Stack, "AWS::Logs::LogGroup");
        Assert.Equal(365d, logs["RetentionInDays"]!.GetValue<double>());
        Assert.True(logs.ContainsKey("KmsKeyId"));
        var key = CanaryFixtures.Properties(w.Stack, "AWS::KMS::Key");
        Assert.True(key["EnableKeyRotation"]!.GetValue<bool>());
        var json = key["KeyPolicy"]!.ToJsonString();
        Assert.Contains("kms:EncryptionContext:aws:logs:arn", json, StringComparison.Ordinal);
        Assert.Contains("/ecs-discovery/canary/", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kms:*\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AGivenKey_EncryptsTheLogs_AndNoKeyIsCreated()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps
        {
            Vpc = w.Vpc,
            EncryptionKey = Amazon.CDK.AWS.KMS.Key.FromKeyArn(w.Stack, "Own", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        });
        _ = create();
        Assert.Empty(Templates.OfType(w.Stack, "AWS::KMS::Key"));
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", Templates.Str(CanaryFixtures.Properties(w.Stack, "AWS::Logs::LogGroup")["KmsKeyId"]));
    }

    [Fact]
    public void ARetention_IsKept()
    {
        var (w, create) = CanaryFixtures.Build(w => new DiscoveryCanaryProps { Vpc = w.Vpc, LogRetention = RetentionDays.ONE_MONTH });
        _ = create();
        Assert.Equal(30d, CanaryFixtures.Number(w.Stack, "AWS::Logs::LogGroup", "RetentionInDays"));
    }

    [Fact]
    public void AnImportedVpcWithoutItsCidr_GetsDnsEgressOnThePortOnly()
    {
        var w = new Workloads();
        var vpc = Amazon.CDK.AWS.EC2.Vpc.FromVpcAttributes(w.Stack, "NoCidr", new Amazon.CDK.AWS.EC2.VpcAttributes
        {
            VpcId = "vpc-0fedcba9876543210",
            AvailabilityZones = ["us-east-1a"],
            PrivateSubnetIds = ["subnet-0fedcba9876543210"],
        });
        _ = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = vpc });
        var egress = Templates.Objects(CanaryFixtures.Properties(w.Stack, "AWS::EC2::SecurityGroup")["SecurityGroupEgress"]);
        Assert.Equal(["0.0.0.0/0:tcp:443", "0.0.0.0/0:tcp:53", "0.0.0.0/0:udp:53"], egress.Select(e => $"{e["CidrIp"]}:{e["IpProtocol"]}:{e["FromPort"]}").Order());
    }

    [Fact]
    public void NullProps_FailWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var error = Findings.Error(() => new DiscoveryCanary(stack, "Canary", new DiscoveryCanaryProps { Vpc = null! }));
        Assert.Equal(["DiscoveryCanary 'TestStack/Canary': Vpc (null) is required. Set Vpc; it cannot be null. [ecs-discovery:required-props]"], error.Errors);
    }

    [Fact]
    public void AFolderPlantedAtTheBootstrapPath_IsNotUsed()
    {
        var root = Directory.CreateTempSubdirectory("canary-cache").FullName;
        try
        {
            var first = CanaryBootstrap.ExtractInto(root);
            Assert.Equal(first, CanaryBootstrap.ExtractInto(root));
            File.WriteAllText(Path.Combine(first, "bootstrap"), "#!/bin/sh\necho planted\n");
            var second = CanaryBootstrap.ExtractInto(root);
            Assert.NotEqual(first, second);
            Assert.Equal(SHA256.HashData(CanaryBootstrap.Bytes()), SHA256.HashData(File.ReadAllBytes(Path.Combine(second, "bootstrap"))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TwoCanariesOfOneStack_AlarmOnTheirOwnMetrics_NamedByTheirPaths()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        var first = new DiscoveryCanary(w.Stack, "First", new DiscoveryCanaryProps { Vpc = w.Vpc });
        var second = new DiscoveryCanary(w.Stack, "Second", new DiscoveryCanaryProps { Vpc = w.Vpc, Schedule = Duration.Minutes(10) });
        var template = Templates.Json(w.Stack);
        var alarms = Templates.OfType(template, "AWS::CloudWatch::Alarm").Values.Select(a => a["Properties"]!).ToList();
        var dimensions = alarms.Select(a => a["Dimensions"]!.ToJsonString()).Order().ToList();
        Assert.Equal(
            [
                "[{\"Name\":\"Canary\",\"Value\":\"TestStack/First\"},{\"Name\":\"Stack\",\"Value\":\"TestStack\"}]",
                "[{\"Name\":\"Canary\",\"Value\":\"TestStack/Second\"},{\"Name\":\"Stack\",\"Value\":\"TestStack\"}]",
            ],
            dimensions);
        Assert.All(alarms, a => Assert.Matches(@"in canary TestStack/(First|Second) for stack TestStack\. The canary's log group", Templates.Str(a["AlarmDescription"])));
        var names = Templates.OfType(template, "AWS::Lambda::Function").Values.Select(f => Templates.Str(f["Properties"]!["Environment"]!["Variables"]!["ECS_DISCOVERY_CANARY"]));
        Assert.Equal(["TestStack/First", "TestStack/Second"], names.Order());
        Assert.Equal("TestStack/First", first.MetricChecksPassed().Dimensions!["Canary"]);
        Assert.Equal("TestStack/Second", second.MetricChecksFailed().Dimensions!["Canary"]);
    }

    [Fact]
    public void Metrics_TakeCdksMetricOptions_KeepTheirOwnDimensions_AndDefaultToFiveMinuteSums()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        var canary = new DiscoveryCanary(w.Stack, "Canary", new DiscoveryCanaryProps { Vpc = w.Vpc });

        var skipped = canary.MetricChecksSkipped();
        Assert.Equal(("EcsDiscovery", "ChecksSkipped", "Sum", 300d), (skipped.Namespace, skipped.MetricName, skipped.Statistic, skipped.Period.ToSeconds()));

        var hourly = canary.MetricChecksFailed(new Amazon.CDK.AWS.CloudWatch.MetricOptions
        {
            Period = Duration.Hours(1),
            Statistic = "Maximum",
            Label = "failed checks",
            DimensionsMap = new Dictionary<string, string> { ["Canary"] = "someone-else", ["Team"] = "payments" },
        });
        Assert.Equal(("ChecksFailed", "Maximum", 3600d, "failed checks"), (hourly.MetricName, hourly.Statistic, hourly.Period.ToSeconds(), hourly.Label));
        Assert.Equal(
            ["Canary=TestStack/Canary", "Stack=TestStack", "Team=payments"],
            hourly.Dimensions!.Select(d => $"{d.Key}={d.Value}").Order(StringComparer.Ordinal));
        Assert.Equal("ChecksPassed", canary.MetricChecksPassed().MetricName);
    }
}
