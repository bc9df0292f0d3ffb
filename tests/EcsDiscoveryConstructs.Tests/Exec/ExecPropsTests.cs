using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Exec;

/// <summary>The Exec constructs' props one at a time: each changes the template, and a missing one is named.</summary>
public class ExecPropsTests
{
    [Fact]
    public void OperatorRole_WithoutContainerNamesOrTags_ExecuteCommandHasNoCondition()
    {
        var w = new Workloads();
        var op = new ExecOperatorRole(w.Stack, "Operators", new ExecOperatorRoleProps { Cluster = w.Cluster, AssumedBy = new AccountPrincipal("123456789012") });
        var execute = Statement(w.Stack, op, "ExecuteCommandOnClusterTasks");
        Assert.False(execute.ContainsKey("Condition"));
        Assert.DoesNotContain(PolicyStatements(w.Stack, op), s => s["Sid"]!.GetValue<string>() == "EncryptSessions");
    }

    [Fact]
    public void OperatorRole_ExecKey_WinsOverTheClustersKey()
    {
        var w = new Workloads();
        var clusterKey = new Amazon.CDK.AWS.KMS.Key(w.Stack, "ClusterKey", new Amazon.CDK.AWS.KMS.KeyProps { EnableKeyRotation = true });
        var execKey = new Amazon.CDK.AWS.KMS.Key(w.Stack, "ExecKey", new Amazon.CDK.AWS.KMS.KeyProps { EnableKeyRotation = true });
        var cluster = new Cluster(w.Stack, "ExecCluster", new ClusterProps { Vpc = w.Vpc, ExecuteCommandConfiguration = new ExecuteCommandConfiguration { KmsKey = clusterKey } });
        var withOwn = new ExecOperatorRole(w.Stack, "Operators", new ExecOperatorRoleProps { Cluster = cluster, AssumedBy = new AccountPrincipal("123456789012"), ExecKey = execKey });
        var withCluster = new ExecOperatorRole(w.Stack, "ClusterOperators", new ExecOperatorRoleProps { Cluster = cluster, AssumedBy = new AccountPrincipal("123456789012") });
        Assert.Equal(JsonText(w.Stack.Resolve(execKey.KeyArn)), Statement(w.Stack, withOwn, "EncryptSessions")["Resource"]!.ToJsonString());
        Assert.Equal(JsonText(w.Stack.Resolve(clusterKey.KeyArn)), Statement(w.Stack, withCluster, "EncryptSessions")["Resource"]!.ToJsonString());
    }

    [Fact]
    public void OperatorRole_WithoutMfa_AndALongerSession()
    {
        var w = new Workloads();
        _ = new ExecOperatorRole(w.Stack, "Operators", new ExecOperatorRoleProps
        {
            Cluster = w.Cluster,
            AssumedBy = new AccountPrincipal("123456789012"),
            RequireMfa = false,
            MaxSessionDuration = Duration.Hours(4),
        });
        var role = Templates.OfType(w.Stack, "AWS::IAM::Role").Single(r => r.Key.StartsWith("OperatorsRole", StringComparison.Ordinal)).Value;
        var properties = role["Properties"]!;
        Assert.Equal(14400d, properties["MaxSessionDuration"]!.GetValue<double>());
        var trust = JsonText(properties["AssumeRolePolicyDocument"]);
        Assert.DoesNotContain("MultiFactorAuthPresent", trust, StringComparison.Ordinal);
        Assert.DoesNotContain("Condition", trust, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorRole_NullProps_AreNamed()
    {
        var w = new Workloads();
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new ExecOperatorRole(w.Stack, "Null", null!)).ParamName);
        Assert.Equal(
            [
                "ExecOperatorRole 'TestStack/Operators': Cluster (null) is required. Set Cluster; it cannot be null. [ecs-discovery:required-props]",
                "ExecOperatorRole 'TestStack/Operators': AssumedBy (null) is required. Set AssumedBy; it cannot be null. [ecs-discovery:required-props]",
            ],
            Findings.Error(() => new ExecOperatorRole(w.Stack, "Operators", new ExecOperatorRoleProps { Cluster = null!, AssumedBy = null! })).Errors);
    }

    [Fact]
    public void SsmMessagesEndpoint_ResolvesTheServiceNameInsideTheVpc()
    {
        var stack = TestApp.CreateStack();
        var vpc = new Amazon.CDK.AWS.EC2.Vpc(stack, "Vpc", new Amazon.CDK.AWS.EC2.VpcProps { MaxAzs = 2, NatGateways = 0 });
        _ = ExecNetwork.AddSsmMessagesEndpoint(vpc);
        Template.FromStack(stack).HasResourceProperties("AWS::EC2::VPCEndpoint", new Dictionary<string, object>
        {
            ["PrivateDnsEnabled"] = true,
            ["VpcEndpointType"] = "Interface",
        });
        Assert.Contains("ssmmessages", Templates.Only(stack, "AWS::EC2::VPCEndpoint").ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("vpc", Assert.Throws<ArgumentNullException>(() => ExecNetwork.AddSsmMessagesEndpoint(null!)).ParamName);
    }

    [Theory]
    [InlineData("log-group", new[] { "ExecSessionChannels", "ExecFindLogGroup", "ExecWriteSessionLogs" })]
    [InlineData("bucket", new[] { "ExecSessionChannels", "ExecUploadSessionLogs", "ExecCheckBucketEncryption" })]
    [InlineData("key", new[] { "ExecSessionChannels", "ExecDecryptSessions" })]
    public void ClusterWithOneOfLogGroupBucketOrKey_GetsTheLibrarysScopedStatements(string only, string[] sids)
    {
        var w = new Workloads();
        var bucket = only == "bucket" ? new Amazon.CDK.AWS.S3.Bucket(w.Stack, "Sessions", new Amazon.CDK.AWS.S3.BucketProps { Encryption = Amazon.CDK.AWS.S3.BucketEncryption.S3_MANAGED }) : null;
        var cluster = new Cluster(w.Stack, "ExecCluster", new ClusterProps
        {
            Vpc = w.Vpc,
            ExecuteCommandConfiguration = new ExecuteCommandConfiguration
            {
                KmsKey = only == "key" ? new Amazon.CDK.AWS.KMS.Key(w.Stack, "ExecKey", new Amazon.CDK.AWS.KMS.KeyProps { EnableKeyRotation = true }) : null,
                Logging = only == "key" ? ExecuteCommandLogging.DEFAULT : ExecuteCommandLogging.OVERRIDE,
                LogConfiguration = only == "key" ? null : new ExecuteCommandLogConfiguration
                {
                    CloudWatchLogGroup = only == "log-group" ? new Amazon.CDK.AWS.Logs.LogGroup(w.Stack, "ExecLogs") : null,
                    S3Bucket = bucket,
                },
            },
        });
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = cluster, Name = "orders", Container = Workloads.WebContainer(), Exec = new ExecOptions() });
        var statements = TaskRoleStatements(w.Stack);
        Assert.Equal(sids, statements.Select(s => Templates.Str(s["Sid"])));
        if (bucket is not null)
        {
            // No key prefix: every object of the bucket, as ECS writes them at its root.
            Assert.Equal(JsonText(w.Stack.Resolve(bucket.ArnForObjects("*"))), JsonText(statements[1]["Resource"]));
        }
    }

    private static System.Text.Json.Nodes.JsonObject Statement(Stack stack, ExecOperatorRole op, string sid)
        => PolicyStatements(stack, op).Single(s => s["Sid"]!.GetValue<string>() == sid);

    private static List<System.Text.Json.Nodes.JsonObject> PolicyStatements(Stack stack, ExecOperatorRole op)
        => System.Text.Json.Nodes.JsonNode.Parse(JsonText(stack.Resolve(op.Policy.Document.ToJSON())))!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

    private static List<System.Text.Json.Nodes.JsonObject> TaskRoleStatements(Stack stack) => ExecTests.TaskRoleStatements(stack);

    private static string JsonText(object? value) => ExecTests.JsonText(value);
}
