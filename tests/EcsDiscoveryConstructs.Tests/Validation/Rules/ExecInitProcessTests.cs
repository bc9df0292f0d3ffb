using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ExecInitProcessTests
{
    [Fact]
    public void OptIn_SetsInitProcessWithoutWarning()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec(new ExecOptions { EnableInitProcess = true });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void NoInitProcess_WarnsWithMessage()
    {
        var w = new Workloads();
        var service = w.DnsService("Orders", "orders");
        service.EnableExec();
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': Container 'app' (no init process) runs Exec sessions without an init process, so their child processes are never reaped. Set Exec = new ExecOptions { EnableInitProcess = true }, or acknowledge this warning. [ecs-discovery:exec-init-process]"],
            Findings.Warnings(w.Stack));
    }

    [Fact]
    public void ExistingTaskDefinitionWithInitProcess_NoWarning()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        var container = Workloads.WebContainer();
        container.LinuxParameters = new LinuxParameters(w.Stack, "Linux", new LinuxParametersProps { InitProcessEnabled = true });
        task.AddContainer("App", container);
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Exec = new ExecOptions() });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void ExistingTaskDefinitionWithoutInitProcess_WarnsToSetItOnTheContainer()
    {
        var w = new Workloads();
        var task = new FargateTaskDefinition(w.Stack, "Task");
        task.AddContainer("App", Workloads.WebContainer());
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps { Cluster = w.Cluster, Name = "orders", TaskDefinition = task, Exec = new ExecOptions { EnableInitProcess = true } });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': Container 'app' (no init process) runs Exec sessions without an init process, so their child processes are never reaped. Create the container with LinuxParameters that set InitProcessEnabled = true, or acknowledge this warning. [ecs-discovery:exec-init-process]"],
            Findings.Warnings(w.Stack));
    }
}
