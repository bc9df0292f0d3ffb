using System.Diagnostics;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

public sealed class NoCredentialsTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("no-credentials").FullName;
    private readonly string assembly = RepoRoot.ExampleAssembly();

    public void Dispose()
    {
        Directory.Delete(home, recursive: true);
        Directory.Delete(assembly, recursive: true);
    }

    [Fact]
    public async Task NoCredentialsAnywhere_Exits2WithOneLineThatSaysWhatWasTriedAndTheFix()
    {
        // Its own process: the credential chain reads the environment, which the other tests of this process share.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(CliApp).Assembly.Location, "verify", "--assembly", assembly, "--stack", "ECommerce", "--region", "us-east-1", "--endpoint-url", ScriptedEndpoint.Refusing().ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = home;
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "none", "credentials");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "none", "config");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = process.StandardError.ReadToEndAsync(bound.Token);
        var output = process.StandardOutput.ReadToEndAsync(bound.Token);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(2, process.ExitCode);
        Assert.Equal($"ecs-discovery verify: {AwsSettings.NoCredentials}\n", (await error).ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, await output);
    }
}
