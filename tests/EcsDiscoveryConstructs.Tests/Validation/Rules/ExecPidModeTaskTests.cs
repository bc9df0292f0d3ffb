using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecPidModeTaskTests
{
    private static FargateTaskDefinition Task(Workloads w, PidMode? pidMode)
    {
        var task = new FargateTaskDefinition(w.Stack, "Task", new FargateTaskDefinitionProps { PidMode = pidMode, RuntimePlatform = new RuntimePlatform { OperatingSystemFamily = OperatingSystemFamily.LINUX, CpuArchitecture = CpuArchitecture.X86_64 } });
        var container = Workloads.WebContainer();
        container.LinuxParameters = new LinuxParameters(w.Stack, "Linux", new LinuxParametersProps { InitProcessEnabled = true });
        task.AddContainer("App", container);
        return task;
    }

    [Fact]
    public void NoPidMode_NoWarning()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = Task(w, null), Exec = new ExecOptions() });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void PidModeTask_WarnsWithMessage()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = Task(w, PidMode.TASK), Exec = new ExecOptions() });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': TaskDefinition PidMode TASK shares one process namespace between the containers, so ECS Exec works in only one of them. Drop PidMode unless the containers must see each other's processes, or acknowledge this warning. [ecs-discovery:exec-pid-mode-task]"],
            Findings.Warnings(w.Stack));
    }
}
