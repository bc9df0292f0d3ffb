using System.Diagnostics;

namespace EcsDiscoveryConstructs.Verifier.CloudMap;

/// <summary>Spaces calls at least <c>1 / rate</c> seconds apart, across threads: a client-side rate limit.</summary>
internal sealed class IntervalLimiter(double perSecond) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeSpan interval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan next = TimeSpan.Zero;

    /// <summary>Waits until the next call is allowed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            // delay): either base spaces the calls by the interval; a wait of exactly zero makes both the same.
            next = (wait > TimeSpan.Zero ? next : clock.Elapsed) + interval;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
