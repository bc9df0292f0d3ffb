using Amazon.Runtime.CredentialManagement;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>Where the Region comes from, in the AWS CLI's order: the flag, the environment, then the profile.</summary>
public sealed class AwsSettingsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("aws-settings-").FullName;
    private readonly SharedCredentialsFile profiles;

    public AwsSettingsTests()
    {
        var path = Path.Combine(folder, "credentials");
        File.WriteAllText(path, """
            [default]
            aws_access_key_id = AKIDEFAULTEXAMPLE
            aws_secret_access_key = default-secret
            region = eu-west-1

            [team]
            aws_access_key_id = AKITEAMEXAMPLE
            aws_secret_access_key = team-secret
            region = ap-south-1

            """);
        profiles = new SharedCredentialsFile(path);
    }

    [Theory]
    [InlineData("us-west-2", null, null, null, null, "us-west-2")]
    [InlineData(null, "us-east-2", "ca-central-1", null, null, "us-east-2")]
    [InlineData(null, null, "ca-central-1", null, null, "ca-central-1")]
    [InlineData(null, " ", "ca-central-1", null, null, "ca-central-1")]
    [InlineData(" ", null, null, null, null, "eu-west-1")]
    [InlineData(null, null, null, null, null, "eu-west-1")]
    [InlineData(null, null, null, null, "team", "ap-south-1")]
    [InlineData(null, null, null, "team", "default", "ap-south-1")]
    [InlineData(null, null, null, "nobody", null, null)]
    public void Region_FlagThenEnvironmentThenProfile(string? flag, string? awsRegion, string? awsDefaultRegion, string? profile, string? awsProfile, string? expected)
    {
        var environment = new Dictionary<string, string?> { ["AWS_REGION"] = awsRegion, ["AWS_DEFAULT_REGION"] = awsDefaultRegion, ["AWS_PROFILE"] = awsProfile };
        Assert.Equal(expected, AwsSettings.Region(flag, profile, name => environment.GetValueOrDefault(name), profiles));
    }

    [Fact]
    public void AProfileThatDoesNotExist_IsNamedInOneLine()
    {
        var assembly = EcsDiscoveryConstructs.Tests.Shared.RepoRoot.ExampleAssembly();
        var (exit, _, error) = CliRun.Run("verify", "--assembly", assembly, "--region", "us-east-1", "--profile", "no-such-profile-ecs-discovery", "--endpoint-url", "http://127.0.0.1:9/");
        Directory.Delete(assembly, recursive: true);
        Assert.Equal((2, "ecs-discovery verify: profile 'no-such-profile-ecs-discovery' was not found in the AWS config or credentials files\n"), (exit, error));
    }

    [Theory]
    [InlineData("ECS", "http://ecs-peer:1/", "http://flag:2/", "http://all:3/", "AWS_ENDPOINT_URL_ECS", "http://ecs-peer:1/")]
    [InlineData("SERVICEDISCOVERY", "http://ecs-peer:1/", "http://flag:2/", "http://all:3/", "--endpoint-url", "http://flag:2/")]
    [InlineData("CLOUDFORMATION", null, null, "http://all:3/", "AWS_ENDPOINT_URL", "http://all:3/")]
    [InlineData("ECS", "", "http://flag:2/", null, "--endpoint-url", "http://flag:2/")]
    [InlineData("ECS", null, null, "", "--endpoint-url", null)]
    public void AServicesEndpoint_IsItsOwnVariable_ElseTheFlag_ElseAwsEndpointUrl(string service, string? ecsVariable, string? flag, string? allVariable, string source, string? text)
    {
        var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_ECS"] = ecsVariable, ["AWS_ENDPOINT_URL"] = allVariable };
        Assert.Equal((source, text), SharedOptions.EndpointSetting(flag, service, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task ABadEndpointVariable_IsNamedInTheError_WithoutItsPassword()
    {
        var assembly = EcsDiscoveryConstructs.Tests.Shared.RepoRoot.ExampleAssembly();
        try
        {
            // Its own process: the variable would reach the other tests of this process.
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "exec", typeof(CliApp).Assembly.Location, "verify", "--assembly", assembly, "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9/" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["AWS_ENDPOINT_URL_SERVICEDISCOVERY"] = "http://admin:s3cr3t-endpoint@127.0.0.1:9/";
            start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "endpoint-variable-test";
            using var process = System.Diagnostics.Process.Start(start)!;
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var error = process.StandardError.ReadToEndAsync(bound.Token);
            var output = process.StandardOutput.ReadToEndAsync(bound.Token);
            await process.WaitForExitAsync(bound.Token);
            Assert.Equal(2, process.ExitCode);
            Assert.StartsWith("ecs-discovery verify: AWS_ENDPOINT_URL_SERVICEDISCOVERY 'http://", await error, StringComparison.Ordinal);
            Assert.Contains("carries a user name or password; AWS endpoints take SigV4 credentials", await error, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-endpoint", await error, StringComparison.Ordinal);
            Assert.Empty(await output);
        }
        finally
        {
            Directory.Delete(assembly, recursive: true);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
