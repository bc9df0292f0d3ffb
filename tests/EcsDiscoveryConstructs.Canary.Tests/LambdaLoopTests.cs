namespace EcsDiscoveryConstructs.Canary.Tests;

/// <summary>The canary's Lambda runtime loop: results, invocation errors, deadlines, trace ids, redaction.</summary>
public sealed class LambdaLoopTests
{
    [Fact]
    public async Task LambdaLoop_RespondsWithTheResult_AndTurnsExceptionsIntoInvocationErrors()
    {
        var api = new FakeRuntime(["ok", "boom", "ok"]);
        using var log = new StringWriter();
        var served = await LambdaLoop.RunAsync(api, (invocation, _) => invocation.Payload == "boom" ? throw new InvalidOperationException("model unreadable\nsecond line") : Task.FromResult($"done {invocation.RequestId}"), 3, log, CancellationToken.None);
        Assert.Equal(3, served);
        Assert.Equal(["r1: done r1", "r2 error InvalidOperationException: model unreadable", "r3: done r3"], api.Log);
        Assert.Matches(@"^ecs-discovery canary: invocation r2 failed after \d+\.\d s: InvalidOperationException: model unreadable\r?\n$", log.ToString());
    }

    [Fact]
    public async Task LambdaLoop_RedactsKeysAServerEchoedIntoTheErrorMessage()
    {
        var api = new FakeRuntime(["x"]);
        using var log = new StringWriter();
        _ = await LambdaLoop.RunAsync(api, (_, _) => throw new InvalidOperationException("refused: Credential=AKIAIOSFODNN7EXAMPLE/20261130/us-east-1/servicediscovery/aws4_request"), 1, log, CancellationToken.None);
        foreach (var line in new[] { Assert.Single(api.Log), log.ToString() })
        {
            Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", line, StringComparison.Ordinal);
            Assert.Contains("[redacted]", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-3600, 1)]
    [InlineData(0, 1)]
    [InlineData(1.5, 1)]
    [InlineData(2, 1)]
    [InlineData(61, 60)]
    [InlineData(901, 900)]
    [InlineData(5_184_000, 900)]
    public void HandlerBudget_EndsASecondBeforeTheDeadline_AtLeastOneSecond_AtMostFifteenMinutes(double untilDeadline, double budget)
        => Assert.Equal(TimeSpan.FromSeconds(budget), LambdaLoop.HandlerBudget(TimeSpan.FromSeconds(untilDeadline)));

    [Fact]
    public async Task LambdaLoop_CancelsTheHandlerASecondBeforeTheDeadline()
    {
        var elapsed = TimeSpan.Zero;
        var api = new FakeRuntime(["slow"], TimeSpan.FromSeconds(4));
        _ = await LambdaLoop.RunAsync(api, async (_, token) =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(30), token).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            elapsed = clock.Elapsed;
            return token.IsCancellationRequested ? "cancelled" : "ran to the end";
        }, 1, TextWriter.Null, CancellationToken.None);
        Assert.Equal(["r1: cancelled"], api.Log);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(3.9));
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(5_184_000)]
    public async Task LambdaLoop_ADeadlineAlreadyPastOrDaysAway_StillRunsTheHandler(double untilDeadline)
    {
        var api = new FakeRuntime(["x"], TimeSpan.FromSeconds(untilDeadline));
        _ = await LambdaLoop.RunAsync(api, (_, token) => Task.FromResult(token.IsCancellationRequested ? "cancelled" : "ran"), 1, TextWriter.Null, CancellationToken.None);
        Assert.Equal(["r1: ran"], api.Log);
    }

    [Fact]
    public async Task LambdaLoop_SetsEachInvocationsTraceId_AndClearsItForOneWithout()
    {
        var api = new FakeRuntime(["a", "b"]) { TraceIds = ["Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", null] };
        var seen = new List<string?>();
        _ = await LambdaLoop.RunAsync(api, (_, _) =>
        {
            seen.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult("ok");
        }, 2, TextWriter.Null, CancellationToken.None);
        Assert.Equal(["Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", null], seen);
    }

    [Fact]
    public async Task LambdaLoop_AHandlerTheDeadlineStopped_LogsWhatItWaitedFor()
    {
        // A Cloud Map endpoint that takes the connection and never answers, and a deadline shorter than one call's timeout.
        using var silent = new EcsDiscoveryConstructs.Tests.Shared.ScriptedEndpoint((_, _) => (200, "{}", TimeSpan.FromSeconds(30)));
        using var client = new EcsDiscoveryConstructs.Verifier.CloudMap.CloudMapClient(new EcsDiscoveryConstructs.Verifier.CloudMap.CloudMapClientOptions { Region = "us-east-1", Credentials = new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"), EndpointUrl = silent.Endpoint });
        var api = new FakeRuntime(["x"], TimeSpan.FromSeconds(3));
        using var log = new StringWriter();
        _ = await LambdaLoop.RunAsync(api, async (_, token) => (await client.ListNamespacesAsync(token)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, log, CancellationToken.None);
        Assert.Matches($@"^ecs-discovery canary: invocation r1 failed after [12]\.\d s: OperationCanceledException: ListNamespaces to http://127\.0\.0\.1:{silent.Port} was stopped after [12]\.\d s \(attempt 1\) without an answer: the caller's time ran out\r?\n$", log.ToString());
        Assert.StartsWith("r1 error OperationCanceledException: ListNamespaces to http://127.0.0.1:", Assert.Single(api.Log), StringComparison.Ordinal);
    }

    private sealed class FakeRuntime(string[] payloads, TimeSpan? untilDeadline = null) : ILambdaRuntimeApi
    {
        private int next;

        public List<string> Log { get; } = [];

        public string?[] TraceIds { get; init; } = [];

        public Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken)
        {
            next++;
            return Task.FromResult(new LambdaInvocation($"r{next}", payloads[next - 1], DateTimeOffset.UtcNow + (untilDeadline ?? TimeSpan.FromMinutes(1))) { TraceId = TraceIds.ElementAtOrDefault(next - 1) });
        }

        public Task InitErrorAsync(string errorType, string message, CancellationToken cancellationToken)
        {
            Log.Add($"init error {errorType}: {message}");
            return Task.CompletedTask;
        }

        public Task RespondAsync(string requestId, string body, CancellationToken cancellationToken)
        {
            Log.Add($"{requestId}: {body}");
            return Task.CompletedTask;
        }

        public Task FailAsync(string requestId, string errorType, string message, CancellationToken cancellationToken)
        {
            Log.Add($"{requestId} error {errorType}: {message}");
            return Task.CompletedTask;
        }
    }
}
