using Amazon.Runtime.Credentials;
using EcsDiscoveryConstructs.Canary;
using EcsDiscoveryConstructs.Verifier.Redaction;

// The DiscoveryCanary function on the provided.al2023 custom runtime: serve invocations from the Lambda Runtime API,
// each one check cycle of what the canary's deployed stack declares. Settings come from the environment (CanarySettings).
var settings = CanarySettings.FromEnvironment(Environment.GetEnvironmentVariable);
if (settings.Problem is { } problem && !settings.CanReportToRuntime)
{
    await Console.Error.WriteLineAsync($"ecs-discovery canary: {problem}").ConfigureAwait(false);
    return 2;
}

using var api = new LambdaRuntimeApi(settings.RuntimeApi!);
if (settings.Problem is { } setting)
{
    // Lambda's contract for a runtime that cannot start: post the reason to /runtime/init/error, then exit. The line on
    // stderr reaches the log group too.
    await Console.Error.WriteLineAsync($"ecs-discovery canary: {setting}").ConfigureAwait(false);
    try
    {
        await api.InitErrorAsync("Runtime.InvalidConfiguration", setting, CancellationToken.None).ConfigureAwait(false);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        await Console.Error.WriteLineAsync($"ecs-discovery canary: the Lambda Runtime API at {settings.RuntimeApi} did not take the init error: {Redactor.FirstLine(e.Message)}").ConfigureAwait(false);
    }

    return 2;
}

// Every log line (EMF and the report, which hold what the registry and DNS answered) passes the redactor.
using var log = new RedactingWriter(Console.Out);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var handler = new CanaryHandler(settings);
    await LambdaLoop.RunAsync(api, (invocation, token) => handler.HandleAsync(() => new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null), log, token), settings.MaxInvocations, log, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // The Runtime API itself failed (refused, reset, answered something unreadable): say so in one line, never a
    // stack trace; Lambda starts the runtime again.
    await Console.Error.WriteLineAsync($"ecs-discovery canary: the Lambda Runtime API at {settings.RuntimeApi} failed: {Redactor.FirstLine(e.Message)}").ConfigureAwait(false);
    return 1;
}

return 0;
