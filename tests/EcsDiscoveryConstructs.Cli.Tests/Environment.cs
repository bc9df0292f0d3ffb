using System.Runtime.CompilerServices;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>Dummy credentials and a Region for every test in this process; the instance-metadata address is never probed.</summary>
internal static class TestEnvironment
{
    [ModuleInitializer]
    internal static void Set()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("CI", "true");
    }
}
