using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>
/// The checks that read ECS: <c>ecs-service</c>, <c>ecs-discovery-config</c>, <c>stale-instances</c>, and the cause every
/// failure of an ECS-registered service carries (stopped tasks with ECS's reasons, also when no instance is left).
/// </summary>
public sealed class EcsChecksTests
{
    private const string TaskA = "0123456789abcdef0123456789abcdef";
    private const string TaskB = "fedcba9876543210fedcba9876543210";

    private static readonly ExpectedNamespace Apps = FakeRegistry.Expected("apps.example.com");

    /// <summary>The backend Cloud Map service (id srv-backend once deployed), registered by ECS service shop/backend with Exec off.</summary>
    private static ExpectedService Backend(int count = 2, bool serviceConnect = false, bool? exec = false, string? cluster = "shop", string? id = "srv-backend")
        => FakeRegistry.Expected(Apps, "backend", count) with
        {
            Id = id,
            EcsServices = [new ExpectedEcsService("Shop", "BackendService", new TemplateValue(cluster, cluster is null ? "{\"Ref\":\"Cluster\"}" : null), new TemplateValue("backend", null)) { ClusterLogicalId = cluster is null ? "Cluster" : null, ServiceConnect = serviceConnect, EnableExecuteCommand = exec }],
        };

    private static EcsService Service(int running = 2, string status = "ACTIVE", bool exec = false, string? serviceConnect = null, params string[] registries)
        => new("arn:aws:ecs:us-east-1:123456789012:service/shop/backend", "backend", "arn:aws:ecs:us-east-1:123456789012:cluster/shop", status, 2, running, 0, "backend:3")
        {
            EnableExecuteCommand = exec,
            ServiceConnectNamespace = serviceConnect,
            ServiceRegistries = [.. (registries.Length == 0 ? ["arn:aws:servicediscovery:us-east-1:123456789012:service/srv-backend"] : registries).Select(r => new EcsServiceRegistry(r, null, null, null))],
            Deployments = [new("ecs-svc/3", "PRIMARY", "COMPLETED", null, "backend:3", 2, running, 0, running < 2 ? 4 : 0, null)],
        };

    private static EcsTask Stopped(string id, long stoppedAt, string reason, string container)
        => new($"arn:aws:ecs:us-east-1:123456789012:task/shop/{id}", "backend:3", "STOPPED", "STOPPED")
        {
            StartedBy = "backend",
            StopCode = "TaskFailedToStart",
            StoppedReason = reason,
            StoppedAt = DateTimeOffset.FromUnixTimeSeconds(stoppedAt),
            Containers = [new("app", "STOPPED", container, null, [])],
        };

    private static EcsTask Running(string id) => new($"arn:aws:ecs:us-east-1:123456789012:task/shop/{id}", "backend:3", "RUNNING", "RUNNING") { StartedBy = "backend" };

    private static async Task<IReadOnlyList<CheckResult>> Verify(FakeEcs? ecs, ExpectedService expected, params string[] instances)
    {
        var registry = new FakeRegistry();
        var backend = registry.Service(registry.Namespace("apps.example.com"), "backend", id: "srv-backend");
        foreach (var id in instances)
        {
            registry.Instance(backend, id, "10.0.0.5", ecsService: "backend", ecsCluster: "shop");
        }

        return (await new RegistryVerifier(registry, ecs: ecs).VerifyAsync(new ExpectedState([Apps], [expected]), strict: false, CancellationToken.None)).Results;
    }

    [Fact]
    public async Task TasksStoppingWithCannotPullContainerError_FailTheCountWithThatReasonAsTheCause_NewestFirst()
    {
        var ecs = new FakeEcs(Service(running: 0));
        ecs.Tasks["shop"] = [
            Stopped("11111111111111111111111111111111", 100, "CannotPullContainerError: older", "CannotPullContainerError: older"),
            Stopped("22222222222222222222222222222222", 300, "CannotPullContainerError: pull image manifest has been retried 5 time(s): ghcr.io/shop/backend:v9: not found", "CannotPullContainerError: pull image manifest has been retried 5 time(s)"),
            Stopped("33333333333333333333333333333333", 200, "Essential container in task exited", "Essential container exited"),
            Stopped("44444444444444444444444444444444", 50, "oldest, not shown", "x"),
        ];
        var count = (await Verify(ecs, Backend())).Single(r => r.Check == "instance-count");
        Assert.Equal((CheckStatus.Fail, "0 instances, expected 2"), (count.Status, count.Message));
        Assert.Equal(
            "ECS service shop/backend (ACTIVE): 0 of 2 running, 0 pending; deployments: ecs-svc/3 PRIMARY COMPLETED 0/2 running, 4 failed; stopped tasks: "
            + "22222222222222222222222222222222 (TaskFailedToStart: CannotPullContainerError: pull image manifest has been retried 5 time(s): ghcr.io/shop/backend:v9: not found), container app: CannotPullContainerError: pull image manifest has been retried 5 time(s) | "
            + "33333333333333333333333333333333 (TaskFailedToStart: Essential container in task exited), container app: Essential container exited | "
            + "11111111111111111111111111111111 (TaskFailedToStart: CannotPullContainerError: older)",
            count.Cause);
        Assert.Equal(["DescribeServices shop", "ListServiceDeployments shop", "ListTasks shop", "DescribeTasks shop"], ecs.Calls);
    }

    [Fact]
    public async Task TasksStoppingForTheSameReason_AreCountedTogether_NamingTheNewest()
    {
        var ecs = new FakeEcs(Service(running: 0));
        ecs.Tasks["shop"] = [.. Enumerable.Range(1, 3).Select(i => Stopped($"{i}{new string('0', 31)}", i, "CannotPullContainerError: denied", "CannotPullContainerError: denied"))];
        var count = (await Verify(ecs, Backend())).Single(r => r.Check == "instance-count");
        Assert.Contains("; stopped tasks: 3 tasks (TaskFailedToStart: CannotPullContainerError: denied) (newest 30000000000000000000000000000000)", count.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHealthyService_CostsOneDescribeServicesAndOneListServiceDeployments_AndNoTaskCalls_WithoutInstances()
    {
        var ecs = new FakeEcs(Service());
        var results = await Verify(ecs, Backend(count: 0));
        Assert.Equal(["DescribeServices shop", "ListServiceDeployments shop"], ecs.Calls);
        Assert.Equal((CheckStatus.Pass, "ECS service shop/backend ACTIVE"), results.Where(r => r.Check == "ecs-service").Select(r => (r.Status, r.Message)).Single());
        Assert.Equal((CheckStatus.Pass, "ECS service shop/backend deployed with the template's discovery settings"), results.Where(r => r.Check == "ecs-discovery-config").Select(r => (r.Status, r.Message)).Single());
    }

    [Fact]
    public async Task AMissingServiceOrCluster_OrADrainingOne_FailsEcsService()
    {
        var missing = (await Verify(new FakeEcs(), Backend())).Single(r => r.Check == "ecs-service");
        Assert.Equal((CheckStatus.Fail, "ECS service shop/backend: ECS does not know it (MISSING)"), (missing.Status, missing.Message));

        var noCluster = new FakeEcs(Service());
        noCluster.MissingClusters.Add("shop");
        var gone = (await Verify(noCluster, Backend())).Single(r => r.Check == "ecs-service");
        Assert.Equal("ECS service shop/backend: cluster 'shop' does not exist", gone.Message);

        var draining = (await Verify(new FakeEcs(Service(status: "DRAINING")), Backend())).Single(r => r.Check == "ecs-service");
        Assert.Equal((CheckStatus.Fail, "ECS service shop/backend is DRAINING"), (draining.Status, draining.Message));
    }

    [Fact]
    public async Task AServiceConnectServiceThatNeverAppeared_FailsServiceExistsWithTheEcsCause()
    {
        var ecs = new FakeEcs(Service(running: 0, serviceConnect: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-1"));
        ecs.Tasks["shop"] = [Stopped(TaskA, 10, "CannotPullContainerError: denied", "CannotPullContainerError: denied")];
        var expected = Backend(serviceConnect: true) with { Name = new TemplateValue("orders", null), ServiceConnect = true };
        var results = await Verify(ecs, expected);
        var exists = results.Single(r => r.Check == "service-exists");
        Assert.Equal(CheckStatus.Fail, exists.Status);
        Assert.Contains($"stopped tasks: {TaskA} (TaskFailedToStart: CannotPullContainerError: denied)", exists.Cause, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, results.Single(r => r.Check == "ecs-service").Status);
    }

    [Fact]
    public async Task DeployedWithoutTheRegistry_OrWithServiceConnectOrExecOtherThanTheTemplate_FailsEcsDiscoveryConfig_NamingEach()
    {
        var drifted = Service(exec: true, serviceConnect: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-9", registries: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-other");
        var result = (await Verify(new FakeEcs(drifted), Backend(count: 0))).Single(r => r.Check == "ecs-discovery-config");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(
            "deployed discovery differs from the template: shop/backend does not register into Cloud Map service srv-backend (serviceRegistries: arn:aws:servicediscovery:us-east-1:123456789012:service/srv-other); "
            + "shop/backend has Service Connect on, the template off; shop/backend has enableExecuteCommand true, the template false",
            result.Message);
        Assert.NotNull(result.Cause);
    }

    [Fact]
    public async Task RegistryDrift_NeedsTheServiceId_AndExecDriftALiteral()
    {
        var drifted = Service(exec: true, registries: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-other");
        var result = (await Verify(new FakeEcs(drifted), Backend(count: 0, exec: null, id: null))).Single(r => r.Check == "ecs-discovery-config");
        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public async Task ARegistrationWhoseTaskStopped_OrThatEcsDoesNotKnow_FailsStaleInstancesNamingIt()
    {
        var ecs = new FakeEcs(Service());
        var stopped = Stopped(TaskB, 10, "Scaling activity initiated by deployment ecs-svc/3", "x") with { StopCode = "ServiceSchedulerInitiated" };
        ecs.Tasks["shop"] = [Running(TaskA), stopped];
        const string Unknown = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        var result = (await Verify(ecs, Backend(count: 3), TaskA, TaskB, Unknown, "not-a-task-id")).Single(r => r.Check == "stale-instances");
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal(
            $"registered instances whose task is gone (clients still resolve them): {Unknown}: ECS does not know its task in cluster 'shop' (MISSING); {TaskB}: its task STOPPED (ServiceSchedulerInitiated: Scaling activity initiated by deployment ecs-svc/3)",
            result.Message);
    }

    [Fact]
    public async Task RegistrationsInAClusterThatIsGone_AreStale_AndRunningTasksPass()
    {
        var gone = new FakeEcs();
        gone.MissingClusters.Add("shop");
        var stale = (await Verify(gone, Backend(), TaskA)).Single(r => r.Check == "stale-instances");
        Assert.Equal($"registered instances whose task is gone (clients still resolve them): {TaskA}: its cluster 'shop' does not exist", stale.Message);

        var ecs = new FakeEcs(Service());
        ecs.Tasks["shop"] = [Running(TaskA), Running(TaskB)];
        var fine = (await Verify(ecs, Backend(), TaskA, TaskB)).Single(r => r.Check == "stale-instances");
        Assert.Equal((CheckStatus.Pass, "the 2 ECS-registered instances are tasks ECS runs"), (fine.Status, fine.Message));
    }

    [Fact]
    public async Task DuringADeployment_TheInstancesAreCountedByTheRevisionTheirTasksRun()
    {
        var ecs = new FakeEcs(Service() with { Deployments = [new("ecs-svc/10", "PRIMARY", "IN_PROGRESS", null, "backend:10", 2, 2, 0, 0, null), new("ecs-svc/9", "ACTIVE", "COMPLETED", null, "backend:9", 2, 1, 0, 0, null)] });
        EcsTask On(string id, int revision) => Running(id) with { TaskDefinitionArn = $"arn:aws:ecs:us-east-1:123456789012:task-definition/backend:{revision}" };
        const string TaskC = "cccccccccccccccccccccccccccccccc";
        ecs.Tasks["shop"] = [On(TaskA, 9), On(TaskB, 10), On(TaskC, 10)];
        var count = (await Verify(ecs, Backend(), TaskA, TaskB, TaskC)).Single(r => r.Check == "instance-count");
        Assert.Equal(CheckStatus.Pass, count.Status);
        Assert.EndsWith("2-4 tasks may run; registered: backend:10 x2, backend:9 x1)", count.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlueGreenBakeTheServiceListDoesNotShow_IsADeploymentInProgress_FromTheServiceDeployment()
    {
        var ecs = new FakeEcs(Service() with { MaximumPercent = 200 });
        ecs.ServiceDeployments["backend"] = [
            new("arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/backend/old", "SUCCESSFUL", null, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-3)),
            new("arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/backend/bake", "IN_PROGRESS", "bake time", DateTimeOffset.UtcNow.AddMinutes(-5), null),
        ];
        var count = (await Verify(ecs, Backend())).Single(r => r.Check == "instance-count");
        Assert.Equal(CheckStatus.Fail, count.Status);
        Assert.Equal("0 instances, expected 2-4 while deploying (backend: service deployment arn:aws:ecs:us-east-1:123456789012:service-deployment/shop/backend/bake IN_PROGRESS: bake time (ecs-svc/3 PRIMARY 2/2): 2-4 tasks may run)", count.Message);
        Assert.Contains("ListServiceDeployments shop", ecs.Calls);
    }

    [Fact]
    public async Task ServiceDeploymentsThatCannotBeRead_LeaveTheRestOfWhatEcsSays()
    {
        var ecs = new FakeEcs(Service() with { Deployments = [new("ecs-svc/10", "PRIMARY", "IN_PROGRESS", null, "backend:10", 2, 2, 0, 0, null), new("ecs-svc/9", "ACTIVE", "COMPLETED", null, "backend:9", 2, 2, 0, 0, null)] }) { ServiceDeploymentsFailWith = "ServerException" };
        var count = (await Verify(ecs, Backend(), TaskA, TaskB, "cccccccccccccccccccccccccccccccc", "dddddddddddddddddddddddddddddddd")).Single(r => r.Check == "instance-count");
        Assert.Equal(CheckStatus.Pass, count.Status);
        Assert.Contains("deployment in progress", count.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARollbackOfTheLastDay_FailsNamingIt_AnOlderOneIsHistory()
    {
        var ecs = new FakeEcs(Service());
        ecs.ServiceDeployments["backend"] = [new("arn:sd/rolled", "ROLLBACK_SUCCESSFUL", "Service deployment rolled back because the circuit breaker threshold was exceeded.", DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(-1))];
        var count = (await Verify(ecs, Backend(), TaskA, TaskB)).Single(r => r.Check == "instance-count");
        Assert.Equal("2 instances (expected 2); ECS: backend: service deployment arn:sd/rolled ROLLBACK_SUCCESSFUL: Service deployment rolled back because the circuit breaker threshold was exceeded.", count.Message);

        ecs.ServiceDeployments["backend"] = [new("arn:sd/rolled", "ROLLBACK_SUCCESSFUL", "old", DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-2))];
        Assert.Equal(CheckStatus.Pass, (await Verify(ecs, Backend(), TaskA, TaskB)).Single(r => r.Check == "instance-count").Status);
    }

    [Fact]
    public async Task EcsThatCannotBeReached_IsAskedOncePerRun_NotOncePerService()
    {
        var ecs = new FakeEcs { FailWith = "ConnectionFailed" };
        var registry = new FakeRegistry();
        var ns = registry.Namespace("apps.example.com");
        foreach (var name in new[] { "backend", "orders", "payments" })
        {
            registry.Instance(registry.Service(ns, name), TaskA, "10.0.0.5", ecsService: name, ecsCluster: "shop");
        }

        var expected = new[] { "backend", "orders", "payments" }.Select(n => FakeRegistry.Expected(Apps, n)).ToList();
        var report = await new RegistryVerifier(registry, ecs: ecs).VerifyAsync(new ExpectedState([Apps], expected), strict: false, CancellationToken.None);
        Assert.Single(ecs.Calls);
        Assert.Equal(3, report.Results.Count(r => r.Check == "instance-count" && r.Status == CheckStatus.Pass));

        var throttledOnce = new FakeEcs { FailWith = "AccessDeniedException" };
        await new RegistryVerifier(registry, ecs: throttledOnce).VerifyAsync(new ExpectedState([Apps], expected), strict: false, CancellationToken.None);
        Assert.Equal(3, throttledOnce.Calls.Count);
    }

    [Fact]
    public async Task WithoutEcs_OrEcsRefusing_NoEcsCheckJudges()
    {
        foreach (var ecs in new[] { null, new FakeEcs(throws: true) })
        {
            var results = await Verify(ecs, Backend(), TaskA);
            Assert.DoesNotContain(results, r => r.Check is "ecs-service" or "ecs-discovery-config" or "stale-instances");
            Assert.All(results, r => Assert.Null(r.Cause));
        }
    }

    [Fact]
    public async Task AClusterLeftToCloudFormation_SkipsEcsServiceSayingSo_ButInstancesStillNameIt()
    {
        var ecs = new FakeEcs(Service());
        ecs.Tasks["shop"] = [Running(TaskA)];
        var results = await Verify(ecs, Backend(count: 1, cluster: null), TaskA);
        var skipped = results.Single(r => r.Check == "ecs-service");
        Assert.Equal((CheckStatus.Skip, "ECS service BackendService: its cluster or name is left to CloudFormation and the deployed stack was not read; not guessed"), (skipped.Status, skipped.Message));
        Assert.Equal(CheckStatus.Pass, results.Single(r => r.Check == "stale-instances").Status);
        Assert.Equal(["shop: backend"], ecs.Asked);
    }
}
