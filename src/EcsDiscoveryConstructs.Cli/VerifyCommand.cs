using System.CommandLine;
using System.Diagnostics;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Dns;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Redaction;
using EcsDiscoveryConstructs.Verifier.Reports;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery verify</c>: checks the live Cloud Map registry against the cloud assembly.</summary>
internal static class VerifyCommand
{
    /// <summary>Seconds between polls with <c>--wait</c>.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private const int MaxWaitSeconds = 86_400;
    private const double MinRate = 0.1;
    private const double MaxRate = 1000;
    private const int MaxConcurrency = 64;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var wait = new Option<int>("--wait") { HelpName = "seconds", Description = "Poll up to this many seconds (0-86400) until every check passes; a deadline for the whole run.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--output") { Description = "table, json or junit.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "junit");
        var reportFile = new Option<string?>("--report-file") { HelpName = "path", Description = "Also write the report to this file." };
        var strict = new Option<bool>("--strict") { Description = "Fail on services and instances the assembly does not declare." };
        var rate = new Option<double>("--discover-rate") { HelpName = "per-second", Description = "Most DiscoverInstances calls per second, 0.1-1000 (the account quota is 1,000/s).", DefaultValueFactory = _ => 50 };
        var concurrency = new Option<int>("--concurrency") { HelpName = "services", Description = "Services checked at the same time, 1-64.", DefaultValueFactory = _ => 4 };
        var dns = new Option<bool>("--dns") { Description = "Also check the DNS answers of every DNS-discoverable service against the registry." };
        var noEcs = new Option<bool>("--no-ecs") { Description = "Do not read ECS or the deployed stacks: no deployment awareness, causes, ECS checks or generated names (for a local Cloud Map peer without ECS, or without ecs:Describe*/cloudformation:ListStackResources permissions)." };
        var dnsResolver = new Option<string?>("--dns-resolver") { HelpName = "address", Description = "The resolver --dns asks: ip, ip:port or [ipv6]:port (default: the system's resolvers)." };
        var deployed = new Option<string[]>("--deployed-stack") { HelpName = "name", Description = "Check what this deployed stack's template declares (CloudFormation GetTemplate) instead of a cloud assembly (repeatable; needs cloudformation:DescribeStacks and GetTemplate)." };

        var command = new Command("verify", "Check that the live Cloud Map registry holds what the cloud assembly promises.") { wait, format, reportFile, strict, rate, concurrency, dns, dnsResolver, noEcs, deployed };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(wait);
            if (seconds is < 0 or > MaxWaitSeconds)
            {
                return Fail(error, $"--wait {seconds} is out of range: use 0-{MaxWaitSeconds} seconds");
            }

            // NaN fails every comparison, so the range is checked as "inside", not as "outside".
            if (parse.GetValue(rate) is var perSecond && !(perSecond >= MinRate && perSecond <= MaxRate))
            {
                return Fail(error, $"--discover-rate {perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range: use {MinRate}-{MaxRate} calls per second");
            }

            if (parse.GetValue(concurrency) is < 1 or > MaxConcurrency)
            {
                return Fail(error, $"--concurrency {parse.GetValue(concurrency)} is out of range: use 1-{MaxConcurrency}");
            }

            System.Net.IPEndPoint? resolverEndpoint = null;
            if (parse.GetValue(dnsResolver) is { } resolverText && (resolverEndpoint = DnsClientResolver.ParseServer(resolverText)) is null)
            {
                return Fail(error, $"--dns-resolver '{Redactor.Shown(resolverText)}' is not an address: use ip, ip:port or [ipv6]:port (IPv4 in dotted decimal without leading zeros, IPv6 without a zone, port 1-65535)");
            }

            if (resolverEndpoint is not null && !parse.GetValue(dns))
            {
                return Fail(error, "--dns-resolver needs --dns");
            }

            var deployedNames = parse.GetValue(deployed) ?? [];
            if (deployedNames.Length > 0 && parse.GetValue(noEcs))
            {
                return Fail(error, "--deployed-stack reads the stacks from CloudFormation: it cannot be combined with --no-ecs");
            }

            if (deployedNames.Length > 0 && parse.GetValue(shared.Stacks) is { Length: > 0 })
            {
                return Fail(error, "--deployed-stack names the stacks itself: leave out --stack (it selects stacks of a cloud assembly)");
            }

            if (deployedNames.FirstOrDefault(n => !IsStackName(n)) is { } badName)
            {
                return Fail(error, $"--deployed-stack '{Redactor.Shown(badName)}' is not a stack name: 1-128 letters, digits and '-', starting with a letter (or a stack ARN)");
            }

            // With --deployed-stack the CloudFormation reader is needed now (its failure is reported); it then also reads the physical ids.
            using var deployedReader = deployedNames.Length > 0 ? shared.CreateCloudFormationReader(parse, error, "verify") : null;
            var stacks = deployedNames.Length == 0 ? shared.ReadStacks(parse, error, "verify")
                : deployedReader is null ? null
                : await ReadDeployedAsync(deployedReader, error, deployedNames, cancellationToken).ConfigureAwait(false);
            if (stacks is null || shared.CreateClient(parse, error, "verify", parse.GetValue(rate)) is not { } client)
            {
                return ExitCodes.CannotRun;
            }

            var expected = ExpectedState.From(stacks);
            using var ecs = parse.GetValue(noEcs) ? null : shared.CreateEcsReader(parse, TextWriter.Null, "verify");
            using var ownReader = ecs is null || deployedReader is not null ? null : shared.CreateCloudFormationReader(parse, TextWriter.Null, "verify");
            var stacksReader = deployedReader ?? ownReader;
            IReadOnlyList<string> unread = [];
            using (client)
            {
                VerificationReport report;
                try
                {
                    var registry = new RegistryVerifier(client, parse.GetValue(concurrency), ecs);
                    var dnsVerifier = parse.GetValue(dns) ? new DnsVerifier(new DnsClientResolver(resolverEndpoint)) : null;
                    async Task<VerificationReport> Once(CancellationToken token)
                    {
                        // The deployed stacks are read in every round, within the deadline: a stack still being created gives its names once it has them.
                        var state = expected;
                        if (stacksReader is not null)
                        {
                            (state, unread) = await DeployedNames.ReadAsync(expected, stacksReader, token).ConfigureAwait(false);
                        }

                        var found = await registry.VerifyAsync(state, parse.GetValue(strict), token).ConfigureAwait(false);
                        return dnsVerifier is null ? found : await dnsVerifier.AddToAsync(found, token).ConfigureAwait(false);
                    }

                    var waitFor = TimeSpan.FromSeconds(seconds);
                    var progress = ShowsProgress(waitFor, Console.IsErrorRedirected, Environment.GetEnvironmentVariable("CI"));
                    report = await Poll(Once, waitFor, PollInterval, progress ? error : null, cancellationToken).ConfigureAwait(false);
                }
                catch (CloudMapException e)
                {
                    return Fail(error, Reason(e));
                }

                foreach (var why in unread)
                {
                    error.WriteLine($"ecs-discovery verify: {why}: names and ids CloudFormation generates stay unknown; the checks that need them skip");
                }

                var formatted = ReportWriter.Format(report, parse.GetValue(format)!);
                output.Write(formatted);
                if (parse.GetValue(reportFile) is { } path && OutputFile.TryWrite(path, formatted) is { } problem)
                {
                    return Fail(error, $"cannot write the report file: {problem}");
                }

                var requests = client.RequestCount + (ecs?.RequestCount ?? 0) + (stacksReader?.RequestCount ?? 0);
                error.WriteLine($"ecs-discovery verify: {ReportWriter.Summary(report)} ({requests} API requests: {client.RequestCount} Cloud Map{(ecs is null ? string.Empty : $", {ecs.RequestCount} ECS, {stacksReader!.RequestCount} CloudFormation")})");
                return report.Passed ? ExitCodes.Success : ExitCodes.ChecksFailed;
            }
        });
        return command;
    }

    /// <summary>
    /// The topologies of deployed stacks, read from CloudFormation; null (after one line on <paramref name="error"/>)
    /// when a stack is not deployed, not readable, or not a JSON template.
    /// </summary>
    private static async Task<IReadOnlyList<EcsDiscoveryConstructs.Verifier.Assembly.StackTopology>?> ReadDeployedAsync(EcsDiscoveryConstructs.Verifier.CloudFormation.CloudFormationClient reader, TextWriter error, string[] names, CancellationToken cancellationToken)
    {
        var templates = new DeployedTemplates();
        var stacks = new List<EcsDiscoveryConstructs.Verifier.Assembly.StackTopology>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            try
            {
                stacks.Add(await templates.ReadAsync(reader, name, cancellationToken).ConfigureAwait(false));
            }
            catch (EcsDiscoveryConstructs.Verifier.CloudFormation.CloudFormationException e)
            {
                Fail(error, e.IsMissingStack ? $"stack '{Redactor.Shown(name)}' is not deployed in this account and Region" : $"cannot read stack '{Redactor.Shown(name)}': {Redactor.Shown(e.Message)}");
                return null;
            }
            catch (EcsDiscoveryConstructs.Verifier.Assembly.AssemblyException e)
            {
                Fail(error, Redactor.Shown(e.Message));
                return null;
            }
        }

        return stacks;
    }

    /// <summary>A CloudFormation stack name (letters, digits and '-', starting with a letter, at most 128) or a stack ARN.</summary>
    /// <remarks>https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html (StackName: "[a-zA-Z][-a-zA-Z0-9]*", 128 characters).</remarks>
    private static bool IsStackName(string name)
        => (name.Length is >= 1 and <= 128 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            || (name.StartsWith("arn:", StringComparison.Ordinal) && name.Contains(":cloudformation:", StringComparison.Ordinal) && name.Length <= 2048 && !name.Any(char.IsControl));

    /// <summary>True when a progress line helps: a wait was asked for, standard error is a terminal and CI is not set.</summary>
    internal static bool ShowsProgress(TimeSpan wait, bool errorRedirected, string? ci)
        => wait > TimeSpan.Zero && !errorRedirected && ci is not ("true" or "1");

    /// <summary>
    /// Verifies until every check passes or <paramref name="wait"/> is over, <paramref name="interval"/> apart. The wait is
    /// a deadline for the whole run, retries and slow answers included: when it passes, the last complete report is
    /// returned, or, when there is none, a timeout error. With <paramref name="progress"/>, one line is rewritten per round.
    /// </summary>
    internal static async Task<VerificationReport> Poll(Func<CancellationToken, Task<VerificationReport>> verify, TimeSpan wait, TimeSpan interval, TextWriter? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            deadline.CancelAfter(wait);
        }

        VerificationReport? last = null;
        for (var round = 1; ; round++)
        {
            try
            {
                last = await verify(deadline.Token).ConfigureAwait(false);
                var left = wait - clock.Elapsed;
                if (last.Passed || left <= TimeSpan.Zero)
                {
                    progress?.WriteLine();
                    return last;
                }

                progress?.Write($"\rwaiting for the registry: round {round}, {last.Count(CheckStatus.Fail)} checks failing, {left.TotalSeconds:0} s left   ");
                await Task.Delay(left < interval ? left : interval, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                progress?.WriteLine();
                return last ?? throw new CloudMapException("verify", "Timeout", $"no complete answer from the registry within --wait {wait.TotalSeconds:0} s");
            }
        }
    }

    private static string Reason(CloudMapException e) => e switch
    {
        { IsThrottling: true } => $"throttled past the retries: {e.Message}",
        { IsRefusedCredentials: true } or { Code: "AccessDeniedException" } => $"the credentials were refused: {e.Message}",
        _ => e.Message,
    };

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"ecs-discovery verify: {reason}");
        return ExitCodes.CannotRun;
    }
}
