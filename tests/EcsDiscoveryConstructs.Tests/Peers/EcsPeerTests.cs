using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;
using static EcsDiscoveryConstructs.Tests.Peers.CloudMapPeerTests;

namespace EcsDiscoveryConstructs.Tests.Peers;

/// <summary>
/// aws-cdk's <c>aws-ecs</c> integ tests for Cloud Map, Service Connect and Exec, written with this library
/// (docs/peer-parity.md; <c>cluster-existing-namespace</c> is <c>DiscoverableFargateServiceTests</c>' golden, the EC2
/// peer is <see cref="Ec2PeerTests"/>). A name that says "Not" names a difference kept on purpose.
/// </summary>
public sealed class EcsPeerTests
{
    private static readonly ContainerImage Sample = ContainerImage.FromRegistry("amazon/amazon-ecs-sample");

    [Fact]
    public void Golden_CloudMapAAndSrvRecords_InTheClusterDefaultNamespace()
    {
        var (stack, cluster) = ClusterStack();
        cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "aws-ecs-integ-a-srv", Vpc = cluster.Vpc });
        _ = new DiscoverableFargateService(stack, "Service", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "frontend",
            Container = new ContainerDefinitionOptions
            {
                ContainerName = "web",
                Image = Sample,
                Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }),
                PortMappings = [new PortMapping { ContainerPort = 80, Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP }],
            },
            CloudMap = new CloudMapRegistrationOptions { DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, DnsTtl = Duration.Seconds(30) },
        });

        var template = Template.FromStack(stack);
        // The peer's two deployed assertions: the registry names the container and port; A and SRV, both TTL 30.
        template.HasResourceProperties("AWS::ECS::Service", Props(("ServiceRegistries", new object[] { Match.ObjectLike(Props(("ContainerName", "web"), ("ContainerPort", 80))) })));
        template.HasResourceProperties("AWS::ServiceDiscovery::Service", Props(
            ("Name", "frontend"),
            ("DnsConfig", Props(("DnsRecords", Records(("A", 30), ("SRV", 30))), ("RoutingPolicy", "MULTIVALUE"))),
            ("HealthCheckCustomConfig", Props(("FailureThreshold", 1)))));
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Golden_ServiceConnect_Http2Endpoint_InTheClusterDefaultNamespace()
    {
        var (stack, cluster) = ClusterStack();
        cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions { Name = "scorekeep.com", Vpc = cluster.Vpc, UseForServiceConnect = true });
        var task = new FargateTaskDefinition(stack, "TaskDef", new FargateTaskDefinitionProps { Cpu = 1024, MemoryLimitMiB = 2048 });
        _ = task.AddContainer("container", new ContainerDefinitionOptions
        {
            ContainerName = "web",
            Image = Sample,
            PortMappings = [new PortMapping { Name = "api", ContainerPort = 80, AppProtocol = AppProtocol.Http2 }],
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { StreamPrefix = "web" }),
        });
        _ = new DiscoverableFargateService(stack, "svc", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "svc",
            TaskDefinition = task,
            ServiceConnect = new ServiceConnectOptions
            {
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "api", DnsName = "api", Port = 80 }],
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { StreamPrefix = "sc" }),
            },
        });

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ECS::Service", Props(("ServiceConnectConfiguration", Match.ObjectLike(Props(
            ("Enabled", true),
            ("Services", new object[] { Match.ObjectLike(Props(("PortName", "api"), ("ClientAliases", new object[] { Props(("DnsName", "api"), ("Port", 80)) }))) }))))));
        template.HasResourceProperties("AWS::ECS::TaskDefinition", Props(("ContainerDefinitions", new object[]
        {
            Match.ObjectLike(Props(("Name", "web"), ("PortMappings", new object[] { Match.ObjectLike(Props(("Name", "api"), ("AppProtocol", "http2"))) }))),
        })));
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Golden_ServiceConnectTls_WithARoleForEcsNotPrivateCaFullAccess()
    {
        // The peer's TLS role has AWSPrivateCAFullAccess and secretsmanager:* on *; ours uses the policy AWS documents
        // for Service Connect TLS. Deployment percentages 0/100 as the peer (a DNS-discovered service would get the
        // deployment-discovery-gap warning; Service Connect clients retry through the proxy).
        var (stack, cluster) = ClusterStack();
        var ns = new PrivateDnsDiscoveryNamespace(stack, "ns", new PrivateDnsDiscoveryNamespaceProps { Name = "foobar.com", Vpc = cluster.Vpc });
        var key = new Key(stack, "KmsKey", new KeyProps { EnableKeyRotation = true, Enabled = true, RemovalPolicy = RemovalPolicy.DESTROY });
        var role = new Role(stack, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity")],
        });
        _ = key.Grant(role, "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*");
        _ = new DiscoverableFargateService(stack, "FargateService", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "api",
            Container = new ContainerDefinitionOptions { Image = Sample, PortMappings = [new PortMapping { Name = "api", ContainerPort = 80 }] },
            MinHealthyPercent = 0,
            MaxHealthyPercent = 100,
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = ns,
                Endpoints =
                [
                    new ServiceConnectEndpoint
                    {
                        PortMappingName = "api",
                        DnsName = "api",
                        Port = 80,
                        Tls = new ServiceConnectTls { AwsPcaAuthorityArn = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/123456789012", Role = role, KmsKey = key },
                    },
                ],
            },
        });

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ECS::Service", Props(
            ("DeploymentConfiguration", Match.ObjectLike(Props(("MinimumHealthyPercent", 0), ("MaximumPercent", 100)))),
            ("ServiceConnectConfiguration", Match.ObjectLike(Props(("Services", new object[]
            {
                Match.ObjectLike(Props(("PortName", "api"), ("Tls", Props(
                    ("IssuerCertificateAuthority", Props(("AwsPcaAuthorityArn", "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/123456789012"))),
                    ("KmsKey", Match.AnyValue()),
                    ("RoleArn", Match.AnyValue()))))),
            }))))));
        Snapshot.Match(stack);
        Assert.Empty(PeerWarnings.Ours(stack));
    }

    [Fact]
    public void Golden_ExecCommand_CloudWatchAndS3Logs_LeastPrivilegeTaskRole_WarnsWithoutInitProcess()
    {
        var (stack, cluster, key, bucket) = ExecCluster(withLogGroup: true);
        _ = ExecService(stack, cluster);

        var statements = TaskRoleActions(stack);
        Assert.Contains("ssmmessages:CreateControlChannel", statements);
        Assert.Contains("s3:PutObject", statements);
        Assert.Contains("logs:PutLogEvents", statements);
        Assert.Contains("kms:Decrypt", statements);
        Assert.Contains("kms:GenerateDataKey", statements);
        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::ECS::Cluster", Props(("Configuration", Props(("ExecuteCommandConfiguration", Match.ObjectLike(Props(
            ("Logging", "OVERRIDE"),
            ("KmsKeyId", new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { LogicalId(stack, key), "Arn" } }),
            ("LogConfiguration", Match.ObjectLike(Props(("CloudWatchEncryptionEnabled", true), ("S3EncryptionEnabled", true), ("S3KeyPrefix", "exec-output"), ("S3BucketName", new Dictionary<string, object> { ["Ref"] = LogicalId(stack, bucket) })))))))))));
        template.HasResourceProperties("AWS::ECS::Service", Props(("EnableExecuteCommand", true)));
        Snapshot.Match(stack);
        // The peer's task has no init process; the library says what that costs (sessions' children are never reaped).
        Assert.Equal(["exec-init-process"], RuleIds(PeerWarnings.Ours(stack)));
    }

    [Fact]
    public void Golden_EnableExecuteCommand_S3OnlyLogs_GrantsNoCloudWatchLogs_WarnsWithoutInitProcess()
    {
        var (stack, cluster, _, _) = ExecCluster(withLogGroup: false);
        _ = ExecService(stack, cluster);

        var statements = TaskRoleActions(stack);
        Assert.DoesNotContain(statements, a => a.StartsWith("logs:", StringComparison.Ordinal));
        Assert.Contains("s3:PutObject", statements);
        Assert.Contains("kms:GenerateDataKey", statements);
        Template.FromStack(stack).HasResourceProperties("AWS::ECS::Service", Props(("EnableExecuteCommand", true)));
        Snapshot.Match(stack);
        // The peer's task has no init process; the library says what that costs (sessions' children are never reaped).
        Assert.Equal(["exec-init-process"], RuleIds(PeerWarnings.Ours(stack)));
    }

    private static (Stack Stack, Cluster Cluster) ClusterStack()
    {
        var stack = TestApp.CreateStack();
        return (stack, new Cluster(stack, "EcsCluster", new ClusterProps { Vpc = TestApp.ImportedVpc(stack) }));
    }

    /// <summary>The exec peers' cluster: their own key, an encrypted bucket with prefix exec-output, and (exec-command) an encrypted log group.</summary>
    private static (Stack Stack, Cluster Cluster, Key Key, Bucket Bucket) ExecCluster(bool withLogGroup)
    {
        var stack = TestApp.CreateStack();
        var key = new Key(stack, "KmsKey");
        var logGroup = withLogGroup ? new LogGroup(stack, "LogGroup", new LogGroupProps { EncryptionKey = key }) : null;
        var bucket = new Bucket(stack, "EcsExecBucket", new BucketProps { EncryptionKey = key });
        var cluster = new Cluster(stack, "FargateCluster", new ClusterProps
        {
            Vpc = TestApp.ImportedVpc(stack),
            ExecuteCommandConfiguration = new ExecuteCommandConfiguration
            {
                KmsKey = key,
                Logging = ExecuteCommandLogging.OVERRIDE,
                LogConfiguration = new ExecuteCommandLogConfiguration
                {
                    CloudWatchLogGroup = logGroup,
                    CloudWatchEncryptionEnabled = withLogGroup ? true : null,
                    S3Bucket = bucket,
                    S3EncryptionEnabled = true,
                    S3KeyPrefix = "exec-output",
                },
            },
        });
        return (stack, cluster, key, bucket);
    }

    private static DiscoverableFargateService ExecService(Stack stack, Cluster cluster) => new(stack, "FargateService", new DiscoverableFargateServiceProps
    {
        Cluster = cluster,
        Name = "web",
        Container = new ContainerDefinitionOptions
        {
            ContainerName = "web",
            Image = Sample,
            HealthCheck = new Amazon.CDK.AWS.ECS.HealthCheck { Command = ["CMD-SHELL", "curl localhost:80"], Interval = Duration.Seconds(60), Timeout = Duration.Seconds(40) },
        },
        Exec = new ExecOptions(),
    });

    private static List<string> TaskRoleActions(Stack stack)
    {
        var policy = Templates.OfType(stack, "AWS::IAM::Policy").Single(p => p.Key.Contains("TaskRoleDefaultPolicy", StringComparison.Ordinal)).Value;
        return Templates.Statements(policy)
            .SelectMany(s => s["Action"] is System.Text.Json.Nodes.JsonArray a ? a.Select(Templates.Str) : [Templates.Str(s["Action"])])
            .ToList();
    }

    private static string LogicalId(Stack stack, Amazon.CDK.IResource resource) => stack.GetLogicalId((CfnElement)resource.Node.DefaultChild!);

    private static IEnumerable<string> RuleIds(IEnumerable<string> warnings)
        => warnings.Select(w => w[(w.LastIndexOf("[ecs-discovery:", StringComparison.Ordinal) + "[ecs-discovery:".Length)..^1]);
}
