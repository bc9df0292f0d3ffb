using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EcsDiscoveryConstructs.Cli;

/// <summary>An embedded moto_server on a free loopback port, stopped by its PID when disposed.</summary>
internal sealed class LocalPeerProcess : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private readonly Process process;

    private LocalPeerProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Starts moto_server and waits (bounded) until it answers; the reason on failure.</summary>
    public static (LocalPeerProcess? Peer, string? Error) Start()
    {
        if (!ExternalProcess.OnPath("moto_server"))
        {
            return (null, "moto_server is not installed; install the local Cloud Map peer with: pip install 'moto[server]' (or pass --endpoint-url)");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var process = Process.Start(new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        if (process is null)
        {
            return (null, "moto_server did not start");
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new LocalPeerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit && !process.HasExited)
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

        peer.Dispose();
        return (null, $"moto_server did not answer on port {port} within {StartLimit.TotalSeconds:0} s");
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
