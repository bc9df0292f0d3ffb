using System.CommandLine;
using System.Diagnostics;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Reports;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery verify</c>: checks the live Cloud Map registry against the cloud assembly.</summary>
internal static class VerifyCommand
{
    /// <summary>Seconds between polls with <c>--wait</c>.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var wait = new Option<int>("--wait") { Description = "Poll up to this many seconds until every check passes.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--output") { Description = "table, json or junit.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "junit");
        var reportFile = new Option<string?>("--report-file") { Description = "Also write the report to this file." };
        var strict = new Option<bool>("--strict") { Description = "Fail on services and instances the assembly does not declare." };
        var rate = new Option<double>("--discover-rate") { Description = "Most DiscoverInstances calls per second (the account quota is 1,000/s).", DefaultValueFactory = _ => 50 };
        var concurrency = new Option<int>("--concurrency") { Description = "Services checked at the same time.", DefaultValueFactory = _ => 4 };

        var command = new Command("verify", "Check that the live Cloud Map registry holds what the cloud assembly promises.") { wait, format, reportFile, strict, rate, concurrency };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(wait);
            if (seconds < 0)
            {
                return Fail(error, "--wait must be 0 or more seconds");
            }

            if (parse.GetValue(rate) is <= 0 or > 1000 || parse.GetValue(concurrency) is < 1 or > 64)
            {
                return Fail(error, "--discover-rate must be more than 0 and at most 1000 per second, --concurrency 1-64");
            }

            if (shared.ReadStacks(parse, error, "verify") is not { } stacks || shared.CreateClient(parse, error, "verify", parse.GetValue(rate)) is not { } client)
            {
                return ExitCodes.CannotRun;
            }

            var expected = ExpectedState.From(stacks);
            using (client)
            {
                VerificationReport report;
                try
                {
                    report = await Poll(new RegistryVerifier(client, parse.GetValue(concurrency)), expected, parse.GetValue(strict), TimeSpan.FromSeconds(seconds), error, cancellationToken).ConfigureAwait(false);
                }
                catch (CloudMapException e)
                {
                    return Fail(error, Reason(e));
                }

                var formatted = ReportWriter.Format(report, parse.GetValue(format)!);
                output.Write(formatted);
                if (parse.GetValue(reportFile) is { } path && OutputFile.TryWrite(path, formatted) is { } problem)
                {
                    return Fail(error, $"cannot write the report file: {problem}");
                }

                error.WriteLine($"ecs-discovery verify: {ReportWriter.Summary(report)} ({client.RequestCount} API requests)");
                return report.Passed ? ExitCodes.Success : ExitCodes.ChecksFailed;
            }
        });
        return command;
    }

    private static async Task<VerificationReport> Poll(RegistryVerifier verifier, ExpectedState expected, bool strict, TimeSpan wait, TextWriter error, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var showProgress = wait > TimeSpan.Zero && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is not ("true" or "1");
        for (var round = 1; ; round++)
        {
            var report = await verifier.VerifyAsync(expected, strict, cancellationToken).ConfigureAwait(false);
            var left = wait - clock.Elapsed;
            if (report.Passed || left <= TimeSpan.Zero)
            {
                if (showProgress)
                {
                    error.WriteLine();
                }

                return report;
            }

            if (showProgress)
            {
                error.Write($"\rwaiting for the registry: round {round}, {report.Count(CheckStatus.Fail)} checks failing, {left.TotalSeconds:0} s left   ");
            }

            await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Reason(CloudMapException e) => e switch
    {
        { IsThrottling: true } => $"throttled past the retries: {e.Message}",
        { Code: "UnrecognizedClientException" or "InvalidSignatureException" or "AccessDeniedException" or "ExpiredTokenException" or "InvalidClientTokenId" } => $"the credentials were refused: {e.Message}",
        _ => e.Message,
    };

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"ecs-discovery verify: {reason}");
        return ExitCodes.CannotRun;
    }
}
