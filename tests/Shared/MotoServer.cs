using System.Diagnostics;
using System.Net;

namespace EcsDiscoveryConstructs.Tests.Shared;

/// <summary>
/// A moto_server on a free loopback port, shared by the tests of a collection: started once, reset before each
/// test, stopped by its PID. See docs/moto-differences.md for where moto differs from AWS.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;

    public MotoServer()
    {
        Port = LoopbackPorts.Tcp();
        process = Process.Start(new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("moto_server did not start; install it with 'pip install moto[server]'.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (http.GetAsync(new Uri(Endpoint, "moto-api/")).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (process.HasExited || clock.Elapsed > StartTimeout)
            {
                Dispose();
                throw new InvalidOperationException($"moto_server did not answer on port {Port} within {StartTimeout.TotalSeconds} s.");
            }

            Thread.Sleep(100);
        }
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    /// <summary>Clears all state (moto's reset API).</summary>
    public void Reset()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.PostAsync(new Uri(Endpoint, "moto-api/reset"), null).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
