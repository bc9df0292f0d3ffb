using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>
/// <c>instance-count</c> with ECS read: what a deployment in progress may run passes and says so, steady state stays
/// exact, a failed or rolled-back deployment fails naming it, and ECS that cannot be read changes nothing.
/// </summary>
public sealed class DeploymentAwareInstanceCountTests
{
    /// <summary>The case: backend, desired 2, the template's 100/200 %, with <paramref name="registered"/> tasks registered.</summary>
    private static async Task<CheckResult> InstanceCount(int registered, IEcsReader? ecs)
    {
        var registry = new FakeRegistry();
        var apps = registry.Namespace("apps.example.com");
        var backend = registry.Service(apps, "backend");
        for (var i = 1; i <= registered; i++)
        {
            registry.Instance(backend, $"task-{i}", $"10.0.0.{i}", ecsService: "backend", ecsCluster: "shop");
        }

        var ns = FakeRegistry.Expected("apps.example.com");
        var report = await new RegistryVerifier(registry, ecs: ecs).VerifyAsync(new ExpectedState([ns], [FakeRegistry.Expected(ns, "backend", 2)]), strict: false, CancellationToken.None);
        return report.Results.Single(r => r.Check == "instance-count");
    }

    private static EcsService Backend(params EcsDeployment[] deployments)
        => new("arn:aws:ecs:us-east-1:123456789012:service/shop/backend", "backend", "arn:c/shop", "ACTIVE", 2, 4, 0, "backend:2")
        {
            MinimumHealthyPercent = 100,
            MaximumPercent = 200,
            Deployments = deployments,
            Events = [new(null, "(service backend) has stopped 1 running tasks:\n(task 1)."), new(null, "(service backend) has started 2 tasks"), new(null, "third"), new(null, "fourth, not shown")],
        };

    private static readonly EcsDeployment NewRevision = new("ecs-svc/2", "PRIMARY", "IN_PROGRESS", null, "backend:2", 2, 2, 0, 0, null);
    private static readonly EcsDeployment OldRevision = new("ecs-svc/1", "ACTIVE", "COMPLETED", null, "backend:1", 2, 2, 0, 0, null);

    [Fact]
    public async Task FourInstancesOfATwoTaskServiceDuringARollingDeployment_PassSayingADeploymentIsInProgress()
    {
        var ecs = new FakeEcs(Backend(NewRevision, OldRevision));
        var result = await InstanceCount(4, ecs);
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("4 instances (expected 2-4, deployment in progress: backend: deployment ecs-svc/2 in progress (ecs-svc/2 PRIMARY 2/2, ecs-svc/1 ACTIVE 2/2): 2-4 tasks may run)", result.Message);
        Assert.Null(result.Cause);
        Assert.Equal(("2-4", "4"), (result.Expected, result.Actual));
        Assert.Equal(["shop: backend"], ecs.Asked);
    }

    [Fact]
    public async Task FiveInstancesDuringTheSameDeployment_FailNamingTheDeployment()
    {
        var result = await InstanceCount(5, new FakeEcs(Backend(NewRevision, OldRevision)));
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.StartsWith("5 instances, expected 2-4 while deploying (backend: deployment ecs-svc/2 in progress", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FourInstancesInSteadyState_StillFail()
    {
        var result = await InstanceCount(4, new FakeEcs(Backend(new EcsDeployment("ecs-svc/2", "PRIMARY", "COMPLETED", null, "backend:2", 2, 2, 0, 0, null))));
        Assert.Equal((CheckStatus.Fail, "4 instances, expected 2"), (result.Status, result.Message));
        Assert.Equal(
            "ECS service shop/backend (ACTIVE): 4 of 2 running, 0 pending; deployments: ecs-svc/2 PRIMARY COMPLETED 2/2 running, 0 failed; last events: (service backend) has stopped 1 running tasks:?(task 1). | (service backend) has started 2 tasks | third",
            result.Cause);
    }

    [Fact]
    public async Task AFailedRollout_FailsNamingItAndItsReason_EvenWithTheRightCount()
    {
        var failed = new EcsDeployment("ecs-svc/2", "PRIMARY", "FAILED", "ECS deployment circuit breaker:\ntasks failed to start.", "backend:2", 2, 0, 0, 6, null);
        var result = await InstanceCount(2, new FakeEcs(Backend(failed, OldRevision)));
        Assert.Equal((CheckStatus.Fail, "2 instances (expected 2); ECS: backend: deployment ecs-svc/2 (backend:2) FAILED: ECS deployment circuit breaker:?tasks failed to start."), (result.Status, result.Message));
        Assert.StartsWith("ECS service shop/backend (ACTIVE): 4 of 2 running, 0 pending; deployments: ecs-svc/2 PRIMARY FAILED 0/2 running, 6 failed, ecs-svc/1 ACTIVE COMPLETED 2/2 running, 0 failed", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EcsThatCannotBeRead_OrNoReader_JudgeAsInSteadyState()
    {
        foreach (var ecs in new[] { new FakeEcs(throws: true), null, new FakeEcs() })
        {
            var result = await InstanceCount(4, ecs);
            Assert.Equal(("4 instances, expected 2", (string?)null), (result.Message, result.Cause));
        }
    }
}
