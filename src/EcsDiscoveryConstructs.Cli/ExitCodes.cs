namespace EcsDiscoveryConstructs.Cli;

/// <summary>The exit codes of <c>ecs-discovery</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked (and, for checks, every check passed).</summary>
    public const int Success = 0;

    /// <summary>Checks ran and at least one failed.</summary>
    public const int ChecksFailed = 1;

    /// <summary>Nothing could be checked: bad arguments, a missing or invalid assembly, an unknown stack.</summary>
    public const int CannotRun = 2;
}
