using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Exec;

public class ExecTests
{
    private static (Stack Stack, Cluster Cluster, ExecAudit Audit, PrivateDnsDiscoveryNamespace Ns) AuditedCluster(bool bucket = true)
    {
        var stack = TestApp.CreateStack();
        var vpc = TestApp.ImportedVpc(stack);
        var audit = new ExecAudit(stack, "ExecAudit", new ExecAuditProps { S3Bucket = bucket });
        var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = vpc, ExecuteCommandConfiguration = audit.ClusterConfiguration });
        var ns = new PrivateDnsDiscoveryNamespace(stack, "Namespace", new PrivateDnsDiscoveryNamespaceProps { Name = "internal.example.com", Vpc = vpc });
        return (stack, cluster, audit, ns);
    }

    private static DiscoverableFargateService ExecService(Stack stack, Cluster cluster, PrivateDnsDiscoveryNamespace ns) => new(stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        CloudMap = new CloudMapRegistrationOptions { Namespace = ns },
        Exec = new ExecOptions { EnableInitProcess = true },
    });

    [Fact]
    public void Exec_EnablesExecuteCommandAndInitProcess()
    {
        var (stack, cluster, _, ns) = AuditedCluster();
        var service = ExecService(stack, cluster, ns);
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["EnableExecuteCommand"] = true });
        template.HasResourceProperties("AWS::ECS::TaskDefinition", new Dictionary<string, object>
        {
            ["ContainerDefinitions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["LinuxParameters"] = new Dictionary<string, object> { ["InitProcessEnabled"] = true } }) },
        });
        Assert.True(service.ExecEnabled);
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void Exec_TaskRoleStatementsAreScopedToTheAuditResources()
    {
        var (stack, cluster, audit, ns) = AuditedCluster();
        _ = ExecService(stack, cluster, ns);
        var statements = TaskRoleStatements(stack);
        Assert.Equal(["ExecSessionChannels", "ExecFindLogGroup", "ExecWriteSessionLogs", "ExecUploadSessionLogs", "ExecCheckBucketEncryption", "ExecDecryptSessions"], statements.Select(s => Templates.Str(s["Sid"])));
        Assert.Equal(JsonText(stack.Resolve(audit.LogGroup.LogGroupArn)), JsonText(statements[2]["Resource"]));
        Assert.Equal(JsonText(stack.Resolve(audit.Key.KeyArn)), JsonText(statements[5]["Resource"]));
        Assert.Contains("/exec-sessions/*", JsonText(statements[3]["Resource"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_WithoutClusterLogging_GrantsOnlyTheChannels()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec(new ExecOptions { EnableInitProcess = true });
        Assert.Equal(["ExecSessionChannels"], TaskRoleStatements(w.Stack).Select(s => Templates.Str(s["Sid"])));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ExecInProps_WithoutClusterLogging_GrantsOnlyTheChannels_WhateverTheL2FeatureFlag(bool narrowL2Grants)
    {
        // With the flag on, the L2's own Exec switch grants just the channels and is used; with it off the L2 would add
        // log actions on "*", so the library sets the L1 property and grants the channels itself.
        var app = TestApp.Create(new Dictionary<string, object> { [ExecGrants.NarrowL2GrantsFlag] = narrowL2Grants });
        var w = new Workloads(TestApp.CreateStack(app, "TestStack"));
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
            Exec = new ExecOptions { EnableInitProcess = true },
        });

        var statement = Assert.Single(TaskRoleStatements(w.Stack));
        Assert.Equal(["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], statement["Action"]!.AsArray().Select(Templates.Str));
        Assert.Equal("*", Templates.Str(statement["Resource"]));
        Assert.Equal(narrowL2Grants ? null : "ExecSessionChannels", statement["Sid"]?.GetValue<string>());
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::Service", new Dictionary<string, object> { ["EnableExecuteCommand"] = true });
        Assert.True(service.ExecEnabled);
    }

    /// <summary>A cluster whose exec logs go to a bucket of the given encryption (aws-cdk integ exec-command uses SSE-KMS).</summary>
    private static (Stack Stack, Amazon.CDK.AWS.KMS.Key ExecKey, Amazon.CDK.AWS.KMS.IKey? BucketKey) BucketCluster(string encryption)
    {
        var w = new Workloads();
        var execKey = new Amazon.CDK.AWS.KMS.Key(w.Stack, "ExecKey", new Amazon.CDK.AWS.KMS.KeyProps { EnableKeyRotation = true });
        var bucketKey = encryption switch
        {
            "kms-exec-key" => execKey,
            "kms-other-key" => new Amazon.CDK.AWS.KMS.Key(w.Stack, "BucketKey", new Amazon.CDK.AWS.KMS.KeyProps { EnableKeyRotation = true }),
            _ => null,
        };
        var bucket = new Amazon.CDK.AWS.S3.Bucket(w.Stack, "Sessions", bucketKey is null
            ? new Amazon.CDK.AWS.S3.BucketProps { Encryption = Amazon.CDK.AWS.S3.BucketEncryption.S3_MANAGED }
            : new Amazon.CDK.AWS.S3.BucketProps { EncryptionKey = bucketKey });
        var cluster = new Cluster(w.Stack, "ExecCluster", new ClusterProps
        {
            Vpc = w.Vpc,
            ExecuteCommandConfiguration = new ExecuteCommandConfiguration
            {
                KmsKey = execKey,
                Logging = ExecuteCommandLogging.OVERRIDE,
                LogConfiguration = new ExecuteCommandLogConfiguration { S3Bucket = bucket, S3EncryptionEnabled = true, S3KeyPrefix = "exec" },
            },
        });
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = cluster, Name = "orders", Container = Workloads.WebContainer(), Exec = new ExecOptions() });
        return (w.Stack, execKey, bucketKey);
    }

    [Fact]
    public void Exec_SseS3Bucket_NoKmsGrantForTheBucket()
    {
        var (stack, execKey, _) = BucketCluster("s3");
        var statements = TaskRoleStatements(stack);
        Assert.Equal(["ExecSessionChannels", "ExecUploadSessionLogs", "ExecCheckBucketEncryption", "ExecDecryptSessions"], statements.Select(s => Templates.Str(s["Sid"])));
        Assert.Equal(JsonText(stack.Resolve(execKey.KeyArn)), JsonText(statements[3]["Resource"]));
    }

    [Theory]
    [InlineData("kms-exec-key")]
    [InlineData("kms-other-key")]
    public void Exec_SseKmsBucket_GrantsGenerateDataKeyOnTheBucketsKey(string encryption)
    {
        // Uploading SSE-KMS objects asks KMS for a data key under the bucket's key; without it the audit logs are lost.
        var (stack, _, bucketKey) = BucketCluster(encryption);
        var statements = TaskRoleStatements(stack);
        var upload = Assert.Single(statements, s => Templates.Str(s["Sid"]) == "ExecEncryptSessionUploads");
        Assert.Equal("kms:GenerateDataKey", Templates.Str(upload["Action"]));
        Assert.Equal(JsonText(stack.Resolve(bucketKey!.KeyArn)), JsonText(upload["Resource"]));
    }

    [Fact]
    public void ExecAudit_KeyRotatesAndLogGroupIsEncryptedWithRetention()
    {
        var (stack, _, audit, _) = AuditedCluster();
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object> { ["EnableKeyRotation"] = true });
        template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = audit.LogGroupName,
            ["RetentionInDays"] = 365,
            ["KmsKeyId"] = Match.AnyValue(),
        });
        template.HasResourceProperties("AWS::ECS::Cluster", new Dictionary<string, object>
        {
            ["Configuration"] = new Dictionary<string, object>
            {
                ["ExecuteCommandConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["Logging"] = "OVERRIDE" }),
            },
        });
        template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object> { ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true },
        });
        template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Effect"] = "Deny", ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } } })]),
            }),
        });
    }

    [Fact]
    public void OperatorRole_ScopesExecuteCommandAndDeniesStartSession()
    {
        var (stack, cluster, _, _) = AuditedCluster(bucket: false);
        var op = new ExecOperatorRole(stack, "Operators", new ExecOperatorRoleProps
        {
            Cluster = cluster,
            AssumedBy = new AccountPrincipal("123456789012"),
            ContainerNames = ["app"],
        });
        var policy = JsonText(stack.Resolve(op.Policy.Document.ToJSON()));
        Assert.Contains("\"Effect\":\"Deny\"", policy, StringComparison.Ordinal);
        Assert.Contains("\"ssm:StartSession\"", policy, StringComparison.Ordinal);
        Assert.Matches("\"ecs:container-name\":\\[?\"app\"\\]?", policy);
        Assert.Contains("\"kms:GenerateDataKey\"", policy, StringComparison.Ordinal);
        Template.FromStack(stack).HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = "true" } } }) },
            }),
            ["MaxSessionDuration"] = 3600,
        });
    }

    [Fact]
    public void OperatorRole_ExecuteCommandLine_IsTheCliCommand()
        => Assert.Equal(
            "aws ecs execute-command --cluster shop --task 0123456789abcdef0 --container app --interactive --command \"/bin/sh\"",
            ExecOperatorRole.ExecuteCommandLine("shop", "0123456789abcdef0", "app"));

    [Fact]
    public void Golden_ServiceWithExecAndAuditLogging()
    {
        var (stack, cluster, _, ns) = AuditedCluster();
        _ = ExecService(stack, cluster, ns);
        Snapshot.Match(stack);
    }

    [Fact]
    public void Golden_OperatorRole()
    {
        var (stack, cluster, _, _) = AuditedCluster(bucket: false);
        _ = new ExecOperatorRole(stack, "Operators", new ExecOperatorRoleProps
        {
            Cluster = cluster,
            AssumedBy = new AccountPrincipal("123456789012"),
            ResourceTags = new Dictionary<string, string> { ["team"] = "shop" },
        });
        Snapshot.Match(stack);
    }

    internal static List<JsonObject> TaskRoleStatements(Stack stack)
    {
        var policy = Templates.OfType(stack, "AWS::IAM::Policy").Single(p => p.Key.Contains("TaskRoleDefaultPolicy", StringComparison.Ordinal)).Value;
        return Templates.Statements(policy).ToList();
    }

    internal static string JsonText(object? value) => System.Text.Json.JsonSerializer.Serialize(value);
}
