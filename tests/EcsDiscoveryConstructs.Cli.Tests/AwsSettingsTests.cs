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

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
