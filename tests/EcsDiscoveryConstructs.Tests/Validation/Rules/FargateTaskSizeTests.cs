using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class FargateTaskSizeTests
{
    private static DiscoverableFargateService Service(Workloads w, int cpu, int memory) => new(w.Stack, "Orders", new DiscoverableFargateServiceProps
    {
        Cluster = w.Cluster,
        Name = "orders",
        Container = Workloads.WebContainer(),
        Cpu = cpu,
        MemoryLimitMiB = memory,
    });

    [Theory]
    [InlineData(256, 512)]
    [InlineData(256, 2048)]
    [InlineData(512, 4096)]
    [InlineData(1024, 2048)]
    [InlineData(2048, 16384)]
    [InlineData(4096, 30720)]
    [InlineData(8192, 20480)]
    [InlineData(16384, 122880)]
    public void SizesFargateOffers_AreTheTaskDefinitions(int cpu, int memory)
    {
        var w = new Workloads();
        _ = Service(w, cpu, memory);
        Template.FromStack(w.Stack).HasResourceProperties("AWS::ECS::TaskDefinition", new Dictionary<string, object> { ["Cpu"] = $"{cpu}", ["Memory"] = $"{memory}" });
    }

    [Theory]
    [InlineData(256, 4096, "does not run with Cpu 256: Fargate offers 512, 1024, 2048 MiB with it", "Use e.g. MemoryLimitMiB = 512, or the Cpu that offers 4096 MiB.")]
    [InlineData(1024, 1024, "does not run with Cpu 1024: Fargate offers 2048-8192 in steps of 1024 MiB with it", "Use e.g. MemoryLimitMiB = 2048, or the Cpu that offers 1024 MiB.")]
    [InlineData(4096, 31744, "does not run with Cpu 4096: Fargate offers 8192-30720 in steps of 1024 MiB with it", "Use e.g. MemoryLimitMiB = 8192, or the Cpu that offers 31744 MiB.")]
    [InlineData(8192, 17408, "does not run with Cpu 8192: Fargate offers 16384-61440 in steps of 4096 MiB with it", "Use e.g. MemoryLimitMiB = 16384, or the Cpu that offers 17408 MiB.")]
    public void MemoryFargateDoesNotOfferWithTheCpu_FailsNamingWhatItOffers(int cpu, int memory, string problem, string fix)
    {
        var w = new Workloads();
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': MemoryLimitMiB {memory} {problem}. {fix} [ecs-discovery:fargate-task-size]"],
            Findings.Error(() => Service(w, cpu, memory)).Errors);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(0)]
    [InlineData(32768)]
    public void CpuFargateDoesNotOffer_FailsListingTheSizes(int cpu)
    {
        var w = new Workloads();
        Assert.Equal(
            [$"DiscoverableFargateService 'TestStack/Orders': Cpu {cpu} is not a Fargate CPU size: use 256, 512, 1024, 2048, 4096, 8192, 16384. Use e.g. 256 (0.25 vCPU) or 1024 (1 vCPU). [ecs-discovery:fargate-task-size]"],
            Findings.Error(() => Service(w, cpu, 2048)).Errors);
    }
}
