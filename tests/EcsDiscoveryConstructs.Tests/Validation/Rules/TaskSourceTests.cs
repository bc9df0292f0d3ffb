using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class TaskSourceTests
{
    [Fact]
    public void ExistingTaskDefinition_UsesItsDefaultContainer()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("Web", Workloads.WebContainer(name: "web"));
        var service = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task });
        Assert.Equal("web", service.MainContainer.ContainerName);
    }

    [Fact]
    public void NeitherContainerNorTaskDefinition_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders" }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': Container and TaskDefinition (neither set) must be exactly one. Set Container for a new task definition, or TaskDefinition to use an existing one. [ecs-discovery:task-source]",
            error.Message);
    }

    [Fact]
    public void NeitherContainerNorTaskDefinition_WithARegistration_IsStillThatOneError()
    {
        // The registration's own checks read the task's stop timeout: a task of no containers has ECS's default.
        var w = new Workloads();
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsTtl = Amazon.CDK.Duration.Seconds(20) } }));
        Assert.EndsWith("[ecs-discovery:task-source]", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyTaskDefinition_Fails()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task }));
        Assert.Equal(["DiscoverableFargateService 'TestStack/Orders': TaskDefinition has no containers. Add the task definition's containers before creating the service. [ecs-discovery:task-source]"], error.Errors);
    }

    [Fact]
    public void BothContainerAndTaskDefinition_FailsWithMessage()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        _ = task.AddContainer("web", Workloads.WebContainer());
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Container = Workloads.WebContainer() }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': Container and TaskDefinition (both set) must be exactly one. Set Container for a new task definition, or TaskDefinition to use an existing one. [ecs-discovery:task-source]"],
            error.Errors);
    }

    [Fact]
    public void ATaskDefinitionWithoutAnEssentialContainer_IsRefused()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var app = Workloads.Container("app", new PortMapping { ContainerPort = 8080 });
        app.Essential = false;
        task.AddContainer("app", app);
        var error = Findings.Error(() => new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace } }));
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': TaskDefinition has no essential container: ECS refuses such a task definition (the task stops when an essential container stops; one must be). Leave Essential unset (true) on the application container. [ecs-discovery:task-source]"],
            error.Errors);
    }
}
