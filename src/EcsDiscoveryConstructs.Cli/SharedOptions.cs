using System.CommandLine;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Exec;
using EcsDiscoveryConstructs.Verifier.Redaction;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>The options <c>verify</c> and <c>local-deploy</c> share, and how they become an assembly and a client.</summary>
internal sealed class SharedOptions
{
    /// <summary>The Region and credentials resolved for the invocation <c>Parse</c>, shared by every client it builds.</summary>
    private (ParseResult Parse, string Region, AWSCredentials Credentials)? account;

    public Option<string> Assembly { get; } = new("--assembly") { HelpName = "folder", Description = "The cloud assembly folder to read.", DefaultValueFactory = _ => "cdk.out" };

    public Option<string[]> Stacks { get; } = new("--stack") { HelpName = "name", Description = "A stack (repeatable). Default: every stack." };

    public Option<string?> Region { get; } = new("--region") { Description = "The AWS Region, e.g. us-east-1. Default: AWS_REGION, AWS_DEFAULT_REGION or the profile's." };

    public Option<string?> Profile { get; } = new("--profile") { HelpName = "name", Description = "A named profile for credentials and Region." };

    public Option<string?> Endpoint { get; } = new("--endpoint-url") { HelpName = "url", Description = "An endpoint other than AWS's for every service called (http or https, no user name or password), e.g. a local peer; AWS_ENDPOINT_URL_SERVICEDISCOVERY, _ECS or _CLOUDFORMATION override it per service, AWS_ENDPOINT_URL stands in when it is absent." };

    public void AddTo(Command command)
    {
        command.Options.Add(Assembly);
        command.Options.Add(Stacks);
        AddAwsTo(command);
    }

    /// <summary>Adds only the options that say where and as whom AWS is called (Region, profile, endpoint).</summary>
    public void AddAwsTo(Command command)
    {
        command.Options.Add(Region);
        command.Options.Add(Profile);
        command.Options.Add(Endpoint);
    }

    /// <summary>Reads the selected stacks; on failure writes the reason and returns null.</summary>
    public IReadOnlyList<StackTopology>? ReadStacks(ParseResult parse, TextWriter error, string command)
    {
        try
        {
            return CloudAssemblyReader.Read(parse.GetValue(Assembly)!, parse.GetValue(Stacks)).Stacks;
        }
        catch (AssemblyException e)
        {
            error.WriteLine($"ecs-discovery {command}: {e.Message}");
            return null;
        }
    }

    /// <summary>Parses an <c>--endpoint-url</c> value: null when absent; false with the reason when it is not an http(s) URL.</summary>
    public static bool TryParseEndpoint(string? text, out Uri? endpoint, out string? reason)
    {
        endpoint = null;
        reason = null;
        if (text is null)
        {
            return true;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out endpoint) && endpoint.Scheme is "http" or "https")
        {
            if (endpoint.UserInfo.Length == 0)
            {
                return true;
            }

            reason = $"--endpoint-url '{Redactor.Redact(text)}' carries a user name or password; AWS endpoints take SigV4 credentials (environment, --profile), never credentials in the URL";
        }

        endpoint = null;
        reason ??= $"--endpoint-url '{Redactor.Redact(text)}' is not an http(s) URL";
        return false;
    }

    /// <summary>
    /// Where a service's endpoint comes from, as the AWS SDKs configure endpoints
    /// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html): the service's own
    /// <c>AWS_ENDPOINT_URL_{serviceId}</c>, else <c>--endpoint-url</c> (the default for every service), else
    /// <c>AWS_ENDPOINT_URL</c>; an empty variable counts as unset. Returns the setting's name and its text (null: AWS's endpoint).
    /// </summary>
    internal static (string Source, string? Text) EndpointSetting(string? option, string serviceId, Func<string, string?> environment)
    {
        var variable = $"AWS_ENDPOINT_URL_{serviceId}";
        return environment(variable) is { Length: > 0 } own ? (variable, own)
            : option is not null ? ("--endpoint-url", option)
            : environment("AWS_ENDPOINT_URL") is { Length: > 0 } all ? ("AWS_ENDPOINT_URL", all)
            : ("--endpoint-url", null);
    }

    /// <summary>Builds the Cloud Map client; on bad input writes the reason and returns null.</summary>
    public CloudMapClient? CreateClient(ParseResult parse, TextWriter error, string command, double discoverInstancesPerSecond = 50)
        => Settings(parse, error, command, "SERVICEDISCOVERY") is { } settings
            ? new CloudMapClient(new CloudMapClientOptions { Region = settings.Region, Credentials = settings.Credentials, EndpointUrl = settings.Endpoint, DiscoverInstancesPerSecond = discoverInstancesPerSecond })
            : null;

    /// <summary>Builds the ECS reader (same Region, credentials and <c>--endpoint-url</c> as the Cloud Map client); on bad input writes the reason and returns null.</summary>
    public EcsClient? CreateEcsReader(ParseResult parse, TextWriter error, string command)
        => Settings(parse, error, command, "ECS") is { } settings
            ? new EcsClient(new AwsClientOptions { Region = settings.Region, Credentials = settings.Credentials, EndpointUrl = settings.Endpoint })
            : null;

    /// <summary>Builds the KMS, CloudWatch Logs and IAM reader of exec-check (same Region, credentials and endpoint settings); on bad input writes the reason and returns null.</summary>
    public ExecAccountClient? CreateExecAccountReader(ParseResult parse, TextWriter error, string command)
        => Settings(parse, error, command, "KMS") is { } kms && Settings(parse, error, command, "CLOUDWATCH_LOGS") is { } logs && Settings(parse, error, command, "IAM") is { } iam && Settings(parse, error, command, "EC2") is { } ec2 && Settings(parse, error, command, "S3") is { } s3
            ? new ExecAccountClient(
                new AwsClientOptions { Region = kms.Region, Credentials = kms.Credentials },
                new[] { ("KMS", kms.Endpoint), ("CLOUDWATCH_LOGS", logs.Endpoint), ("IAM", iam.Endpoint), ("EC2", ec2.Endpoint), ("S3", s3.Endpoint) }.Where(e => e.Endpoint is not null).ToDictionary(e => e.Item1, e => e.Endpoint!))
            : null;

    /// <summary>Builds the CloudFormation reader (same Region, credentials and <c>--endpoint-url</c> as the Cloud Map client); on bad input writes the reason and returns null.</summary>
    public CloudFormationClient? CreateCloudFormationReader(ParseResult parse, TextWriter error, string command)
        => Settings(parse, error, command, "CLOUDFORMATION") is { } settings
            ? new CloudFormationClient(new AwsClientOptions { Region = settings.Region, Credentials = settings.Credentials, EndpointUrl = settings.Endpoint })
            : null;

    /// <summary>The Region, credentials and endpoint every client takes; on bad input writes the reason and returns null.</summary>
    private (string Region, AWSCredentials Credentials, Uri? Endpoint)? Settings(ParseResult parse, TextWriter error, string command, string serviceId)
    {
        var (source, text) = EndpointSetting(parse.GetValue(Endpoint), serviceId, Environment.GetEnvironmentVariable);
        if (!TryParseEndpoint(text, out var endpointUrl, out var reason))
        {
            error.WriteLine($"ecs-discovery {command}: {(source == "--endpoint-url" ? reason : reason!.Replace("--endpoint-url", source, StringComparison.Ordinal))}");
            return null;
        }

        // One command builds several clients: the Region and the credential chain are resolved once per invocation.
        if (account is { } known && ReferenceEquals(known.Parse, parse))
        {
            return (known.Region, known.Credentials, endpointUrl);
        }

        var region = AwsSettings.Region(parse.GetValue(Region), parse.GetValue(Profile));
        if (region is null)
        {
            error.WriteLine($"ecs-discovery {command}: no Region: pass --region or set AWS_REGION");
            return null;
        }

        if (!AwsSettings.IsRegionName(region))
        {
            error.WriteLine($"ecs-discovery {command}: Region '{Redactor.Shown(region)}' is not a Region name such as us-east-1 (lowercase letters and digits in dash-separated parts)");
            return null;
        }

        try
        {
            account = (parse, region, AwsSettings.Credentials(parse.GetValue(Profile)));
            return (region, account.Value.Credentials, endpointUrl);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"ecs-discovery {command}: {e.Message}");
            return null;
        }
    }
}
