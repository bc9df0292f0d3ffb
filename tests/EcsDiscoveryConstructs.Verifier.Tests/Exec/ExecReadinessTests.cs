using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Exec;
using EcsDiscoveryConstructs.Verifier.Tests.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.Exec;

/// <summary>
/// <c>exec-check</c>'s judgement of live ECS Exec readiness: each check with a ready and a not-ready case, the failure
/// naming the task, container and what to do; reads other than ECS that fail skip their check with the reason.
/// </summary>
public sealed class ExecReadinessTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/orders-task";
    private const string Definition = "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7";
    private const string TaskId = "0123456789abcdef0123456789abcdef";

    private static EcsManagedAgent Agent(string status = "RUNNING", string? reason = null) => new("ExecuteCommandAgent", status, reason);

    private static EcsTask RunningTask(bool exec = true, string platform = "1.4.0", params EcsContainer[] containers)
        => new($"arn:aws:ecs:us-east-1:123456789012:task/shop/{TaskId}", Definition, "RUNNING", "RUNNING")
        {
            StartedBy = "orders",
            EnableExecuteCommand = exec,
            LaunchType = "FARGATE",
            PlatformVersion = platform,
            SubnetId = "subnet-1",
            Containers = containers.Length == 0 ? [new("app", "RUNNING", null, null, [Agent()]), new("envoy", "RUNNING", null, null, [Agent()])] : containers,
        };

    private static FakeEcs Ecs(EcsTask task, EcsExecConfiguration? exec = null, string? role = RoleArn)
    {
        var ecs = new FakeEcs();
        ecs.Clusters.Add(new EcsCluster("arn:aws:ecs:us-east-1:123456789012:cluster/shop", "shop", "ACTIVE") { ExecuteCommand = exec });
        ecs.Tasks["shop"] = [task];
        ecs.TaskDefinitions[Definition] = new EcsTaskDefinition(Definition, "orders", 7, "awsvpc", []) { TaskRoleArn = role };
        return ecs;
    }

    private static async System.Threading.Tasks.Task<IReadOnlyList<CheckResult>> Check(FakeEcs ecs, FakeAccount? account = null, string? service = "orders", string? task = null, string? operatorRole = null)
        => (await new ExecReadiness(ecs, account ?? new FakeAccount()).CheckAsync("shop", service, task, CancellationToken.None, operatorRole)).Results;

    [Fact]
    public async Task AReadyServiceTask_PassesEveryCheck()
    {
        var results = await Check(Ecs(RunningTask()));
        Assert.All(results, r => Assert.True(r.Status is CheckStatus.Pass, $"{r.Check} {r.Target}: {r.Message}"));
        Assert.Equal(["exec-cluster-config", "exec-task-enabled", "exec-agent", "exec-agent", "exec-platform-version", "exec-network", "exec-task-role"], results.Select(r => r.Check));
        Assert.Equal("subnet subnet-1 reaches the internet through nat-0a1b", results.Single(r => r.Check == "exec-network").Message);
        Assert.Equal("arn:aws:iam::123456789012:role/orders-task may ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel, ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel", results.Last().Message);
    }

    [Fact]
    public async Task AStoppedAgent_FailsNamingItsContainerAndTask()
    {
        var task = RunningTask(containers: [new("app", "RUNNING", null, null, [Agent()]), new("envoy", "RUNNING", null, null, [Agent("STOPPED", "agent exited\nwith 1")])]);
        var agent = (await Check(Ecs(task))).Where(r => r.Check == "exec-agent" && r.Status == CheckStatus.Fail).Single();
        Assert.Equal($"{TaskId}/envoy", agent.Target);
        Assert.Equal($"container envoy of task {TaskId}: ExecuteCommandAgent STOPPED (agent exited?with 1); the agent needs the task role's ssmmessages permissions and a route to the ssmmessages endpoint", agent.Message);
        Assert.Equal(("RUNNING", "STOPPED"), (agent.Expected, agent.Actual));
    }

    [Fact]
    public async Task ATaskWithoutExec_AndAContainerWithoutAgent_FailSayingWhatToDo()
    {
        var results = await Check(Ecs(RunningTask(exec: false, containers: new EcsContainer("app", "RUNNING", null, null, []))));
        Assert.Equal($"task {TaskId} was started without enableExecuteCommand: turn it on for service 'orders' and force a new deployment", results.Single(r => r.Check == "exec-task-enabled").Message);
        Assert.Equal($"container app of task {TaskId}: no ExecuteCommandAgent; the task has Exec off", results.Single(r => r.Check == "exec-agent").Message);
    }

    [Theory]
    [InlineData("1.3.0", nameof(CheckStatus.Fail))]
    [InlineData("1.4.0", nameof(CheckStatus.Pass))]
    [InlineData("1.10.0", nameof(CheckStatus.Pass))]
    [InlineData("LATEST", nameof(CheckStatus.Fail))]
    public async Task TheFargatePlatformVersion_MustBe140OrLater(string version, string expected)
        => Assert.Equal(Enum.Parse<CheckStatus>(expected), (await Check(Ecs(RunningTask(platform: version)))).Single(r => r.Check == "exec-platform-version").Status);

    [Fact]
    public async Task NoTaskRole_OrOneThatMayNotOpenChannels_Fails_NamingTheDeniedActions()
    {
        var none = (await Check(Ecs(RunningTask(), role: null))).Single(r => r.Check == "exec-task-role");
        Assert.StartsWith("task definition orders:7 has no task role; the ExecuteCommandAgent needs one allowing ssmmessages:CreateControlChannel", none.Message, StringComparison.Ordinal);

        var account = new FakeAccount { Denied = { "ssmmessages:OpenDataChannel" } };
        var denied = (await Check(Ecs(RunningTask()), account)).Single(r => r.Check == "exec-task-role");
        Assert.Equal((CheckStatus.Fail, $"{RoleArn} may not ssmmessages:OpenDataChannel (implicitDeny)"), (denied.Status, denied.Message));
    }

    [Fact]
    public async Task TheExecKmsKey_MustExistBeEnabledAndDecryptableByTheTaskRole()
    {
        var exec = new EcsExecConfiguration("alias/exec", "DEFAULT", null, false, null, false);
        Assert.Equal("the exec KMS key alias/exec does not exist", (await Check(Ecs(RunningTask(), exec), new FakeAccount())).Single(r => r.Check == "exec-kms-key").Message);
        var disabled = new FakeAccount { Keys = { ["alias/exec"] = new KmsKeyInfo("arn:aws:kms:us-east-1:123456789012:key/k-1", "PendingDeletion") } };
        Assert.Equal("the exec KMS key arn:aws:kms:us-east-1:123456789012:key/k-1 is PendingDeletion", (await Check(Ecs(RunningTask(), exec), disabled)).Single(r => r.Check == "exec-kms-key").Message);
        var noDecrypt = new FakeAccount { Keys = { ["alias/exec"] = new KmsKeyInfo("arn:aws:kms:us-east-1:123456789012:key/k-1", "Enabled") }, Denied = { "kms:Decrypt" } };
        var result = (await Check(Ecs(RunningTask(), exec), noDecrypt)).Single(r => r.Check == "exec-kms-key");
        Assert.Equal($"{RoleArn} may not kms:Decrypt (implicitDeny)", result.Message);
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/k-1", noDecrypt.Resources.Single(r => r is not null));
    }

    [Fact]
    public async Task AnOverrideLogGroup_MustExist_AndBeEncryptedWhenAsked()
    {
        var exec = new EcsExecConfiguration(null, "OVERRIDE", "/ecs/exec", true, null, false);
        Assert.Equal("the exec log group /ecs/exec does not exist: sessions cannot be logged", (await Check(Ecs(RunningTask(), exec))).Single(r => r.Check == "exec-log-destination").Message);
        var plain = new FakeAccount { Groups = { new LogGroupInfo("/ecs/exec", null) } };
        Assert.Equal("the exec log group /ecs/exec has no KMS key, but cloudWatchEncryptionEnabled is true: sessions fail to start", (await Check(Ecs(RunningTask(), exec), plain)).Single(r => r.Check == "exec-log-destination").Message);
        var encrypted = new FakeAccount { Groups = { new LogGroupInfo("/ecs/exec", "arn:aws:kms:us-east-1:123456789012:key/k-2") } };
        Assert.Equal(CheckStatus.Pass, (await Check(Ecs(RunningTask(), exec), encrypted)).Single(r => r.Check == "exec-log-destination").Status);
        var nowhere = new EcsExecConfiguration(null, "OVERRIDE", null, false, null, false);
        Assert.Equal("exec logging is OVERRIDE without a CloudWatch Logs group or S3 bucket: name one, or use DEFAULT", (await Check(Ecs(RunningTask(), nowhere))).Single(r => r.Check == "exec-cluster-config").Message);
    }

    [Fact]
    public async Task ASubnetWithoutADefaultRoute_NeedsTheEndpointsTheConfigurationUses_NamingTheMissingOnes()
    {
        var exec = new EcsExecConfiguration("alias/exec", "OVERRIDE", "/ecs/exec", false, null, false);
        var isolated = new FakeAccount { Route = null, Keys = { ["alias/exec"] = new KmsKeyInfo("k", "Enabled") }, Groups = { new LogGroupInfo("/ecs/exec", null) }, Endpoints = { "com.amazonaws.us-east-1.ssmmessages" } };
        var network = (await Check(Ecs(RunningTask(), exec), isolated)).Single(r => r.Check == "exec-network");
        Assert.Equal((CheckStatus.Fail, "subnet subnet-1 has no default route and VPC vpc-1 has no available endpoint for kms, logs: the ExecuteCommandAgent cannot reach Session Manager; add a NAT route or interface endpoints"), (network.Status, network.Message));

        var endpoints = new FakeAccount { Route = null, Endpoints = { "com.amazonaws.us-east-1.ssmmessages" } };
        Assert.Equal("subnet subnet-1 has no default route; VPC vpc-1 has endpoints for ssmmessages", (await Check(Ecs(RunningTask()), endpoints)).Single(r => r.Check == "exec-network").Message);

        var toS3 = new EcsExecConfiguration(null, "OVERRIDE", null, false, "audit-bucket", false);
        Assert.Equal("subnet subnet-1 has no default route and VPC vpc-1 has no available endpoint for s3: the ExecuteCommandAgent cannot reach Session Manager; add a NAT route or interface endpoints", (await Check(Ecs(RunningTask(), toS3), endpoints)).Single(r => r.Check == "exec-network").Message);

        var publicSubnet = new FakeAccount { Route = "igw-9" };
        Assert.Equal("subnet subnet-1 reaches the internet through igw-9 (the task needs a public IP)", (await Check(Ecs(RunningTask()), publicSubnet)).Single(r => r.Check == "exec-network").Message);
    }

    [Fact]
    public async Task TheOperatorRole_MustBeAllowedIntoEveryContainer_AndToUseTheExecKey()
    {
        const string Operator = "arn:aws:iam::123456789012:role/exec-operator";
        Assert.Null((await Check(Ecs(RunningTask()))).FirstOrDefault(r => r.Check == "exec-operator-role"));
        var fine = (await Check(Ecs(RunningTask()), operatorRole: Operator)).Single(r => r.Check == "exec-operator-role");
        Assert.Equal((CheckStatus.Pass, $"{Operator} may exec into every container of the 1 tasks"), (fine.Status, fine.Message));

        var exec = new EcsExecConfiguration("arn:aws:kms:us-east-1:123456789012:key/k-1", "DEFAULT", null, false, null, false);
        var narrowed = new FakeAccount { DeniedContainers = { "envoy" }, Denied = { "kms:GenerateDataKey" }, Keys = { ["arn:aws:kms:us-east-1:123456789012:key/k-1"] = new KmsKeyInfo("arn:aws:kms:us-east-1:123456789012:key/k-1", "Enabled") } };
        var denied = (await Check(Ecs(RunningTask(), exec), narrowed, operatorRole: Operator)).Single(r => r.Check == "exec-operator-role");
        Assert.Equal((CheckStatus.Fail, $"{Operator} may not: ecs:ExecuteCommand into container envoy of task {TaskId} (implicitDeny); kms:GenerateDataKey on arn:aws:kms:us-east-1:123456789012:key/k-1 (implicitDeny)"), (denied.Status, denied.Message));
    }

    [Fact]
    public async Task AnS3LogBucket_MustExist()
    {
        var exec = new EcsExecConfiguration(null, "OVERRIDE", null, false, "audit-bucket", false);
        Assert.Equal((CheckStatus.Fail, "the exec S3 bucket audit-bucket does not exist: sessions cannot be logged"), (await Check(Ecs(RunningTask(), exec))).Where(r => r.Check == "exec-log-destination").Select(r => (r.Status, r.Message)).Single());
        Assert.Equal(CheckStatus.Pass, (await Check(Ecs(RunningTask(), exec), new FakeAccount { Buckets = { "audit-bucket" } })).Single(r => r.Check == "exec-log-destination").Status);
    }

    [Fact]
    public async Task ReadsThatAreRefused_SkipTheirCheckWithTheReason()
    {
        var exec = new EcsExecConfiguration("alias/exec", "OVERRIDE", "/ecs/exec", false, null, false);
        var results = await Check(Ecs(RunningTask(), exec), new FakeAccount { Refuses = true });
        Assert.Equal(
            [CheckStatus.Skip, CheckStatus.Skip, CheckStatus.Skip],
            results.Where(r => r.Check is "exec-task-role" or "exec-kms-key" or "exec-log-destination").Select(r => r.Status));
        Assert.StartsWith("the route of subnet subnet-1 cannot be read: DescribeSubnets failed: AccessDeniedException", results.Single(r => r.Check == "exec-network").Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read: DescribeKey failed: AccessDeniedException", results.Single(r => r.Check == "exec-kms-key").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCluster_AServiceWithoutTasks_OrAnUnknownTask_FailSayingSo()
    {
        Assert.Equal("cluster 'shop' does not exist (MISSING)", (await new ExecReadiness(new FakeEcs(), new FakeAccount()).CheckAsync("shop", "orders", null, CancellationToken.None)).Results.Single().Message);
        var idle = Ecs(RunningTask());
        idle.Tasks["shop"] = [];
        Assert.Equal("service 'orders' runs no task to exec into", (await Check(idle)).Last().Message);
        Assert.Equal("task 'ffffffffffffffffffffffffffffffff' does not exist in cluster 'shop'", (await Check(Ecs(RunningTask()), service: null, task: "ffffffffffffffffffffffffffffffff")).Last().Message);
    }

    private sealed class FakeAccount : IExecAccountReader
    {
        public Dictionary<string, KmsKeyInfo> Keys { get; } = [];

        public List<LogGroupInfo> Groups { get; } = [];

        public HashSet<string> Denied { get; } = [];

        public List<string?> Resources { get; } = [];

        public bool Refuses { get; init; }

        /// <summary>Buckets that exist.</summary>
        public HashSet<string> Buckets { get; } = [];

        public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken)
            => Refuse<bool>("HeadBucket") ?? Task.FromResult(Buckets.Contains(bucket));

        /// <summary>The subnet's default route target; null for none.</summary>
        public string? Route { get; init; } = "nat-0a1b";

        /// <summary>Service names with an available endpoint in the VPC.</summary>
        public HashSet<string> Endpoints { get; } = [];

        public Task<SubnetRoute> DescribeSubnetRouteAsync(string subnetId, CancellationToken cancellationToken)
            => Refuse<SubnetRoute>("DescribeSubnets") ?? Task.FromResult(new SubnetRoute(subnetId, "vpc-1", Route));

        public Task<IReadOnlyList<string>> AvailableVpcEndpointsAsync(string vpcId, string serviceName, CancellationToken cancellationToken)
            => Refuse<IReadOnlyList<string>>("DescribeVpcEndpoints") ?? Task.FromResult<IReadOnlyList<string>>(Endpoints.Contains(serviceName) ? ["vpce-1"] : []);

        public Task<KmsKeyInfo> DescribeKeyAsync(string keyId, CancellationToken cancellationToken)
            => Refuse<KmsKeyInfo>("DescribeKey") ?? (Keys.TryGetValue(keyId, out var key) ? Task.FromResult(key) : throw new AccountReadException("DescribeKey", "NotFoundException", $"Alias {keyId} is not found."));

        public Task<LogGroupInfo?> DescribeLogGroupAsync(string name, CancellationToken cancellationToken)
            => Refuse<LogGroupInfo?>("DescribeLogGroups") ?? Task.FromResult(Groups.FirstOrDefault(g => g.Name == name));

        /// <summary>Containers the operator role may not exec into (its ecs:container-name condition).</summary>
        public HashSet<string> DeniedContainers { get; } = [];

        public Task<IReadOnlyList<SimulatedDecision>> SimulatePrincipalPolicyAsync(string principalArn, IReadOnlyList<string> actions, string? resourceArn, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? context = null)
        {
            Resources.Add(resourceArn);
            var container = context?.GetValueOrDefault("ecs:container-name");
            return Refuse<IReadOnlyList<SimulatedDecision>>("SimulatePrincipalPolicy") ?? Task.FromResult<IReadOnlyList<SimulatedDecision>>([.. actions.Select(a => new SimulatedDecision(a, Denied.Contains(a) || (container is not null && DeniedContainers.Contains(container)) ? "implicitDeny" : "allowed"))]);
        }

        private Task<T>? Refuse<T>(string operation) => Refuses ? throw new AccountReadException(operation, "AccessDeniedException", $"not authorized to perform {operation}") : null;
    }
}
