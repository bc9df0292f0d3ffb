using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Resolves the Region and credentials the way the AWS CLI does: flags, then environment, then profile.</summary>
internal static partial class AwsSettings
{
    /// <summary>The Region: <paramref name="region"/>, else AWS_REGION, AWS_DEFAULT_REGION, else the profile's.</summary>
    public static string? Region(string? region, string? profile)
        => Region(region, profile, Environment.GetEnvironmentVariable, new CredentialProfileStoreChain());

    /// <summary>
    /// The Region from <paramref name="region"/>, else the first of AWS_REGION and AWS_DEFAULT_REGION that is not blank,
    /// else the Region of <paramref name="profile"/> (else AWS_PROFILE, else "default") in <paramref name="profiles"/>.
    /// </summary>
    internal static string? Region(string? region, string? profile, Func<string, string?> environment, ICredentialProfileSource profiles)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return region;
        }

        var fromEnvironment = new[] { "AWS_REGION", "AWS_DEFAULT_REGION" }.Select(environment).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        if (fromEnvironment is not null)
        {
            return fromEnvironment;
        }

        var name = profile ?? environment("AWS_PROFILE") ?? "default";
        return profiles.TryGetProfile(name, out var found) ? found.Region?.SystemName : null;
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
                : throw new InvalidOperationException($"profile '{Redactor.Shown(profile)}' was not found in the AWS config or credentials files");
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
