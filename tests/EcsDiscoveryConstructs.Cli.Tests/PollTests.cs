using EcsDiscoveryConstructs.Verifier.Checks;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary><c>verify --wait</c>: polls until every check passes or the deadline, with a progress line only on a terminal.</summary>
public sealed class PollTests
{
    private static readonly VerificationReport Failing = new([new("S", "instance-count", "ns/api", CheckStatus.Fail, "0 of 2"), new("S", "namespace", "ns", CheckStatus.Fail, "missing")]);
    private static readonly VerificationReport Passing = new([new("S", "instance-count", "ns/api", CheckStatus.Pass, "2 of 2")]);

    [Theory]
    [InlineData(10, false, null, true)]
    [InlineData(10, false, "false", true)]
    [InlineData(0, false, null, false)]
    [InlineData(10, true, null, false)]
    [InlineData(10, false, "true", false)]
    [InlineData(10, false, "1", false)]
    public void Progress_OnlyWithAWait_OnATerminal_OutsideCi(int seconds, bool redirected, string? ci, bool expected)
        => Assert.Equal(expected, VerifyCommand.ShowsProgress(TimeSpan.FromSeconds(seconds), redirected, ci));

    [Fact]
    public void Polls_UntilEveryCheckPasses_NumberingTheRoundsOnOneLine()
    {
        var rounds = new Queue<VerificationReport>([Failing, Failing, Passing]);
        using var progress = new StringWriter();
        var report = Poll(rounds, TimeSpan.FromSeconds(60), progress);
        Assert.Same(Passing, report);
        Assert.Empty(rounds);
        Assert.Matches(@"^\rwaiting for the registry: round 1, 2 checks failing, (59|60) s left   \rwaiting for the registry: round 2, 2 checks failing, (59|60) s left   \n$", progress.ToString());
    }

    [Fact]
    public void WithoutAWait_ChecksOnce()
    {
        var rounds = new Queue<VerificationReport>([Failing, Passing]);
        using var progress = new StringWriter();
        Assert.Same(Failing, Poll(rounds, TimeSpan.Zero, progress));
        Assert.Single(rounds);
        Assert.Equal("\n", progress.ToString());
    }

    [Fact]
    public async Task PastTheDeadline_ReturnsTheLastReport_AndEndsTheProgressLine()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var progress = new StringWriter();
        var report = await VerifyCommand.Poll(_ => Task.FromResult(Failing), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), progress, CancellationToken.None);
        Assert.Same(Failing, report);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
        Assert.EndsWith("s left   \n", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckStillRunningAtTheDeadline_WithNoEarlierReport_IsATimeout()
    {
        using var progress = new StringWriter();
        var error = await Assert.ThrowsAsync<Verifier.CloudMap.CloudMapException>(() => VerifyCommand.Poll(async token =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return Passing;
        }, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), progress, CancellationToken.None));
        Assert.Equal("verify failed: Timeout: no complete answer from the registry within --wait 1 s", error.Message);
        Assert.Equal("\n", progress.ToString());
    }

    [Fact]
    public async Task TheCallersCancellation_IsNotADeadline()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VerifyCommand.Poll(_ => Task.FromResult(Failing), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), null, cancel.Token));
    }

    private static VerificationReport Poll(Queue<VerificationReport> rounds, TimeSpan wait, TextWriter progress)
        => VerifyCommand.Poll(_ => Task.FromResult(rounds.Dequeue()), wait, TimeSpan.FromMilliseconds(10), progress, CancellationToken.None).GetAwaiter().GetResult();
}
