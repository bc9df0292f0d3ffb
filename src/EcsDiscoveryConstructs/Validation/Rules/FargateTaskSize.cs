namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The task's CPU and memory are a combination Fargate runs.</summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size (Linux):
/// 256 CPU units with 512, 1024 or 2048 MiB; 512 with 1-4 GB; 1024 with 2-8 GB; 2048 with 4-16 GB, each in 1 GB steps;
/// 4096 with 8-30 GB in 1 GB steps; 8192 with 16-60 GB in 4 GB steps; 16384 with 32-120 GB in 8 GB steps. RegisterTaskDefinition
/// accepts other values and the service then fails to place tasks ("No Fargate configuration exists for given values").
/// </remarks>
internal sealed class FargateTaskSize : IPropsRule<FargateServiceSpec>
{
    /// <summary>The memory sizes (MiB) each CPU size runs with.</summary>
    private static readonly IReadOnlyDictionary<int, int[]> Sizes = new Dictionary<int, int[]>
    {
        [256] = [512, 1024, 2048],
        [512] = Steps(1024, 4096, 1024),
        [1024] = Steps(2048, 8192, 1024),
        [2048] = Steps(4096, 16384, 1024),
        [4096] = Steps(8192, 30720, 1024),
        [8192] = Steps(16384, 61440, 4096),
        [16384] = Steps(32768, 122880, 8192),
    };

    public RuleInfo Info => new(
        "fargate-task-size",
        RuleLevel.Error,
        "Cpu and MemoryLimitMiB (when the service creates its task definition) are a combination Fargate runs: 256 with 512-2048 MiB, 512 with 1-4 GB, 1024 with 2-8 GB, 2048 with 4-16 GB, 4096 with 8-30 GB (1 GB steps), 8192 with 16-60 GB (4 GB steps), 16384 with 32-120 GB (8 GB steps).",
        "ECS registers a task definition of any size, but Fargate places no task of a size it does not offer: the deployment never starts a task.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var props = subject.Props;
        if (props.TaskDefinition is not null)
        {
            yield break;
        }

        if (!Sizes.TryGetValue(props.Cpu, out var memories))
        {
            yield return new Violation($"Cpu {props.Cpu}", $"is not a Fargate CPU size: use {string.Join(", ", Sizes.Keys)}", "Use e.g. 256 (0.25 vCPU) or 1024 (1 vCPU).");
        }
        else if (!memories.Contains(props.MemoryLimitMiB))
        {
            yield return new Violation(
                $"MemoryLimitMiB {props.MemoryLimitMiB}",
                $"does not run with Cpu {props.Cpu}: Fargate offers {Describe(memories)} MiB with it",
                $"Use e.g. MemoryLimitMiB = {memories[0]}, or the Cpu that offers {props.MemoryLimitMiB} MiB.");
        }
    }

    private static int[] Steps(int from, int to, int step) => Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToArray();

    private static string Describe(int[] memories)
        => memories.Length <= 3 ? string.Join(", ", memories) : $"{memories[0]}-{memories[^1]} in steps of {memories[1] - memories[0]}";
}
