using EcsDiscoveryConstructs.Verifier.Ecs;

namespace EcsDiscoveryConstructs.Verifier.Tests.Ecs;

/// <summary>What ECS may run during and after a deployment, and when a deployment counts as failed.</summary>
public sealed class DeploymentWindowTests
{
    private static EcsDeployment Deployment(string id, string status, string rollout, int running = 2, string? reason = null)
        => new(id, status, rollout, reason, $"td:{id[^1]}", 2, running, 0, 0, null);

    private static EcsService Service(int desired, int? min, int? max, params EcsDeployment[] deployments)
        => new("arn:s", "backend", "arn:c", "ACTIVE", desired, 2, 0, "td:2") { MinimumHealthyPercent = min, MaximumPercent = max, Deployments = deployments };

    [Fact]
    public void Steady_IsExactlyTheDesiredCount()
    {
        var window = DeploymentWindow.Of(Service(2, 100, 200, Deployment("ecs-svc/1", "PRIMARY", "COMPLETED")));
        Assert.Equal((false, 2, 2, "steady: 2 of 2 running", (string?)null), (window.InProgress, window.MinTasks, window.MaxTasks, window.Description, window.Failure));
    }

    [Fact]
    public void ARollingDeploymentOfTwoTasksAtTheDefaults_MayRunTwoToFour()
    {
        var window = DeploymentWindow.Of(Service(2, 100, 200, Deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS"), Deployment("ecs-svc/1", "ACTIVE", "COMPLETED")));
        Assert.Equal((true, 2, 4), (window.InProgress, window.MinTasks, window.MaxTasks));
        Assert.Equal("deployment ecs-svc/2 in progress (ecs-svc/2 PRIMARY 2/2, ecs-svc/1 ACTIVE 2/2): 2-4 tasks may run", window.Description);
    }

    [Theory]
    [InlineData(3, 67, 120, 3, 3)]
    [InlineData(3, 66, 134, 2, 4)]
    [InlineData(10, 50, 150, 5, 15)]
    [InlineData(1, 0, 100, 0, 1)]
    [InlineData(7, null, null, 7, 14)]
    [InlineData(2_000_000_000, 100, 200, 2_000_000_000, int.MaxValue)]
    public void TheRangeRoundsTheMinimumUpAndTheMaximumDown(int desired, int? min, int? max, int fewest, int most)
    {
        // The last case: 2e9 x 200 % overflows an int; ECS could not run that many, and the window saturates instead of wrapping.
        var window = DeploymentWindow.Of(Service(desired, min, max, Deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS")));
        Assert.Equal((fewest, most), (window.MinTasks, window.MaxTasks));
    }

    [Fact]
    public void AFailedRollout_IsAFailureNamingTheDeploymentAndItsReason()
    {
        var window = DeploymentWindow.Of(Service(2, 100, 200, Deployment("ecs-svc/2", "PRIMARY", "FAILED", 0, "ECS deployment circuit breaker: tasks failed to start."), Deployment("ecs-svc/1", "ACTIVE", "COMPLETED")));
        Assert.Equal("deployment ecs-svc/2 (td:2) FAILED: ECS deployment circuit breaker: tasks failed to start.", window.Failure);
    }

    [Theory]
    [InlineData("ROLLBACK_SUCCESSFUL", false, "service deployment arn:sd/2 ROLLBACK_SUCCESSFUL: rolled back by the circuit breaker")]
    [InlineData("ROLLBACK_IN_PROGRESS", true, "service deployment arn:sd/2 ROLLBACK_IN_PROGRESS: rolled back by the circuit breaker")]
    [InlineData("IN_PROGRESS", true, null)]
    [InlineData("PENDING", true, null)]
    [InlineData("SUCCESSFUL", false, null)]
    public void TheLatestServiceDeployment_SaysWhetherADeploymentIsUnderWayOrRolledBack(string status, bool inProgress, string? failure)
    {
        var window = DeploymentWindow.Of(Service(2, 100, 200, Deployment("ecs-svc/1", "PRIMARY", "COMPLETED")), new EcsServiceDeployment("arn:sd/2", status, "rolled back by the circuit breaker", null, null));
        Assert.Equal((inProgress, failure), (window.InProgress, window.Failure));
    }

    [Fact]
    public void PercentsOutsideTheirRanges_AreReadAsEcsBoundsThem()
    {
        var window = DeploymentWindow.Of(Service(4, 150, 50, Deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS"), Deployment("ecs-svc/1", "ACTIVE", "COMPLETED")));
        Assert.Equal((4, 4), (window.MinTasks, window.MaxTasks));
    }

    [Theory]
    [InlineData("BLUE_GREEN")]
    [InlineData("LINEAR")]
    [InlineData("CANARY")]
    public void ABlueGreenFamilyDeployment_MayRunBothFullRevisions_WhateverTheMaximumPercent(string strategy)
    {
        var service = Service(3, 100, 150, Deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS"), Deployment("ecs-svc/1", "ACTIVE", "COMPLETED")) with { Strategy = strategy, BakeTimeInMinutes = 10 };
        var window = DeploymentWindow.Of(service);
        Assert.Equal((true, 3, 6), (window.InProgress, window.MinTasks, window.MaxTasks));
        Assert.Equal($"{strategy} deployment ecs-svc/2 in progress (ecs-svc/2 PRIMARY 2/2, ecs-svc/1 ACTIVE 2/2, bake 10 min): both revisions may run, 3-6 tasks", window.Description);
    }

    [Fact]
    public void ABlueGreenServiceInSteadyState_IsExactlyTheDesiredCount()
    {
        var window = DeploymentWindow.Of(Service(3, 100, 200, Deployment("ecs-svc/2", "PRIMARY", "COMPLETED")) with { Strategy = "BLUE_GREEN" });
        Assert.Equal((false, 3, 3), (window.InProgress, window.MinTasks, window.MaxTasks));
    }

    [Fact]
    public void ABakeAfterTheDeploymentsListSettled_IsStillInProgressByItsServiceDeployment()
    {
        var latest = new EcsServiceDeployment("arn:aws:ecs:us-east-1:111111111111:service-deployment/c/s/abc", "IN_PROGRESS", null, null, null);
        var window = DeploymentWindow.Of(Service(2, 100, 200, Deployment("ecs-svc/2", "PRIMARY", "COMPLETED")) with { Strategy = "BLUE_GREEN", BakeTimeInMinutes = 15 }, latest);
        Assert.Equal((true, 2, 4), (window.InProgress, window.MinTasks, window.MaxTasks));
        Assert.StartsWith("BLUE_GREEN service deployment arn:aws:ecs:us-east-1:111111111111:service-deployment/c/s/abc IN_PROGRESS", window.Description, StringComparison.Ordinal);
    }
}
