using System.Diagnostics;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudMap;

/// <summary>The client-side DiscoverInstances rate limit: calls spaced 1/rate apart across threads, no burst saved up while idle. Lower bounds only: a slow machine cannot make them flaky.</summary>
public sealed class IntervalLimiterTests
{
    private static async Task<TimeSpan> TimeAsync(Func<Task> calls)
    {
        var clock = Stopwatch.StartNew();
        await calls();
        return clock.Elapsed;
    }

    [Fact]
    public async Task CallsAreSpacedByTheInterval()
    {
        using var limiter = new IntervalLimiter(20);
        var took = await TimeAsync(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await limiter.WaitAsync(CancellationToken.None);
            }
        });
        Assert.True(took >= TimeSpan.FromMilliseconds(190), $"5 calls at 20/s took {took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ConcurrentCallers_ShareTheRate()
    {
        using var limiter = new IntervalLimiter(20);
        var took = await TimeAsync(() => Task.WhenAll(Enumerable.Range(0, 5).Select(_ => limiter.WaitAsync(CancellationToken.None))));
        Assert.True(took >= TimeSpan.FromMilliseconds(190), $"5 concurrent calls at 20/s took {took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task IdleTime_IsNotSavedUpForABurst()
    {
        using var limiter = new IntervalLimiter(10);
        await limiter.WaitAsync(CancellationToken.None);
        await Task.Delay(400);
        var took = await TimeAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await limiter.WaitAsync(CancellationToken.None);
            }
        });
        Assert.True(took >= TimeSpan.FromMilliseconds(190), $"3 calls at 10/s after idling took {took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task ARateOfZero_DoesNotLimit()
    {
        using var limiter = new IntervalLimiter(0);
        var took = await TimeAsync(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await limiter.WaitAsync(CancellationToken.None);
            }
        });
        Assert.True(took < TimeSpan.FromSeconds(2), $"200 unlimited calls took {took.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task AWaitingCall_IsCancellable()
    {
        using var limiter = new IntervalLimiter(0.1);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cancel.Token));
    }
}
