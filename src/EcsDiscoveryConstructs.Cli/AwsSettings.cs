using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Resolves the Region and credentials the way the AWS CLI does: flags, then environment, then profile.</summary>
internal static partial class AwsSettings
{
    /// <summary>The Region: <paramref name="region"/>, else AWS_REGION, AWS_DEFAULT_REGION, else the profile's.</summary>
    public static string? Region(string? region, string? profile)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return region;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var name = profile ?? Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default";
        return new CredentialProfileStoreChain().TryGetProfile(name, out var found) ? found.Region?.SystemName : null;
    }

    /// <summary>
    /// Credentials from <paramref name="profile"/> when given, else the default chain (environment, profile, SSO,
    /// container and instance credentials). Throws <see cref="InvalidOperationException"/> with a one-line reason.
    /// </summary>
    public static AWSCredentials Credentials(string? profile)
    {
        if (profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new InvalidOperationException($"profile '{profile}' was not found in the AWS config or credentials files");
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null)
                ?? throw new InvalidOperationException(NoCredentials);
        }
        catch (AmazonClientException e)
        {
            // The provider chain's own message lists every provider's internals over several lines; one line is enough.
            throw new InvalidOperationException(NoCredentials, e);
        }
    }

    /// <summary>The one-line reason when no credentials are found: what was tried, and how to fix it.</summary>
    public const string NoCredentials = "no AWS credentials found (tried the environment, the shared config and credentials files, SSO, container and instance credentials): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile <name>, or run 'aws sso login'";

    /// <summary>True when <paramref name="region"/> has the shape of a Region name (us-east-1, cn-north-1, us-gov-west-1, us-isob-east-1).</summary>
    public static bool IsRegionName(string region) => RegionName().IsMatch(region);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionName();
}
