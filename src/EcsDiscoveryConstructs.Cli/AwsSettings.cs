using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>Resolves the Region and credentials the way the AWS CLI does: flags, then environment, then profile.</summary>
internal static class AwsSettings
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
                ?? throw new InvalidOperationException("no AWS credentials found (environment, profile, SSO, container or instance)");
        }
        catch (AmazonClientException e)
        {
            throw new InvalidOperationException($"no AWS credentials found: {e.Message}", e);
        }
    }
}
