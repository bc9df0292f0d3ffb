using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>An embedded moto_server on a free loopback port, stopped by its PID when disposed.</summary>
internal sealed class LocalPeerProcess : IDisposable
{
    private static readonly TimeSpan DefaultStartLimit = TimeSpan.FromSeconds(30);
    private readonly Process process;

    private LocalPeerProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>The peer's process id (the process <see cref="Dispose"/> stops).</summary>
    public int ProcessId => process.Id;

    /// <summary>
    /// Starts <paramref name="program"/> (moto_server, found on PATH, or a path) as <c>program -H 127.0.0.1 -p port</c>
    /// and waits until it answers, at most <paramref name="startLimit"/> (default 30 s); the reason on failure, when the
    /// process is stopped again.
    /// </summary>
    public static (LocalPeerProcess? Peer, string? Error) Start(string program = "moto_server", TimeSpan? startLimit = null)
    {
        if (!ExternalProcess.OnPath(program))
        {
            return (null, $"{program} is not installed; install the local Cloud Map peer with: pip install 'moto[server]' (or pass --endpoint-url)");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var process = Process.Start(new ProcessStartInfo(program, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        if (process is null)
        {
            return (null, $"{program} did not start");
        }

        // Read and dropped, so that a chatty peer never blocks on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new LocalPeerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var limit = startLimit ?? DefaultStartLimit;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !process.HasExited)
        {
            try
            {
                if (http.GetAsync(new Uri(peer.Endpoint, "moto-api/")).GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return (peer, null);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        var reason = process.HasExited
            ? $"{program} exited with code {process.ExitCode} before answering on port {port}"
            : $"{program} did not answer on port {port} within {limit.TotalSeconds:0} s";
        peer.Dispose();
        return (null, reason);
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
