using System.Diagnostics;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>The child processes the tool starts (npm, cdk, moto_server): output, environment, limits, and stopping them.</summary>
/// <remarks>In the moto collection: a test there empties PATH for a moment, and these tests find programs on PATH.</remarks>
[Collection(EcsDiscoveryConstructs.Tests.Shared.MotoCollection.Name)]
public sealed class ExternalProcessTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string folder = Directory.CreateTempSubdirectory("external-process-").FullName;

    [Fact]
    public void Run_ReturnsTheExitCodeAndBothOutputs()
        => Assert.Equal((3, "out\nerr\n"), ExternalProcess.Run("sh", ["-c", "echo out; echo err >&2; exit 3"], folder, TimeSpan.FromSeconds(30), NoEnvironment));

    [Fact]
    public void Run_InTheGivenFolder_WithTheGivenEnvironment()
    {
        var (exit, output) = ExternalProcess.Run("sh", ["-c", "pwd; printf %s \"$DEMO_VALUE\""], folder, TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["DEMO_VALUE"] = "v 1" });
        Assert.Equal((0, $"{folder}\nv 1"), (exit, output));
    }

    [Fact]
    public void Run_AMissingProgram_IsMinusOneWithTheReason()
    {
        var (exit, output) = ExternalProcess.Run("no-such-program-ecs-discovery", [], folder, TimeSpan.FromSeconds(30), NoEnvironment);
        Assert.Equal(-1, exit);
        Assert.StartsWith("cannot run no-such-program-ecs-discovery: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PastTheLimit_KillsTheProcessTreeAndSaysSo()
    {
        var pidFile = Path.Combine(folder, "pid");
        var clock = Stopwatch.StartNew();
        var (exit, output) = ExternalProcess.Run("sh", ["-c", $"sleep 60 & echo $! > '{pidFile}'; wait"], folder, TimeSpan.FromSeconds(1), NoEnvironment);
        Assert.Equal((-1, "sh did not finish within 1 s"), (exit, output));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 20);
        AssertStops(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void OnPath_FindsFilesInPathFolders_AndNeverTheCurrentFolder()
    {
        File.WriteAllText(Path.Combine(folder, "tool"), string.Empty);
        Assert.True(ExternalProcess.OnPath("tool", $"/no/such/folder{Path.PathSeparator}{folder}"));
        Assert.False(ExternalProcess.OnPath("tool", "/no/such/folder"));
        Assert.False(ExternalProcess.OnPath("tool", null));
        Assert.True(ExternalProcess.OnPath("sh"));
        Assert.False(ExternalProcess.OnPath("no-such-program-ecs-discovery"));

        // An empty entry (a leading or doubled separator) is not the current folder, where this test assembly is.
        var here = Path.GetFileName(typeof(ExternalProcessTests).Assembly.Location);
        Assert.True(File.Exists(here), "the test runs in its output folder");
        Assert.False(ExternalProcess.OnPath(here, $"{Path.PathSeparator}/no/such/folder"));
    }

    [Fact]
    public void LocalPeer_ThatIsNotInstalled_IsRefusedWithTheInstallHint()
        => Assert.Equal((null, "no-such-peer-ecs-discovery is not installed; install the local Cloud Map peer with: pip install 'moto[server]' (or pass --endpoint-url)"), Describe(LocalPeerProcess.Start("no-such-peer-ecs-discovery")));

    [Fact]
    public void LocalPeer_ThatExitsAtOnce_IsReportedWithItsExitCode_WithoutWaitingForTheLimit()
    {
        var arguments = Path.Combine(folder, "arguments");
        var script = Script($"echo \"$@\" > '{arguments}'\nexit 3");
        var clock = Stopwatch.StartNew();
        var (peer, error) = LocalPeerProcess.Start(script, TimeSpan.FromSeconds(60));
        Assert.Null(peer);
        var exited = System.Text.RegularExpressions.Regex.Match(error!, $"^{System.Text.RegularExpressions.Regex.Escape(script)} exited with code 3 before answering on port (?<port>[0-9]+)$");
        Assert.True(exited.Success, error);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20);

        // Started as moto_server is: on the loopback address, on the port it then probes.
        Assert.Equal($"-H 127.0.0.1 -p {exited.Groups["port"].Value}\n", File.ReadAllText(arguments));
    }

    [Fact]
    public void LocalPeer_ThatAcceptsButNeverAnswers_IsStoppedAfterTheLimit()
    {
        // Listens on the port it is given (-H host -p port) and never answers: each probe must time out on its own.
        var pidFile = Path.Combine(folder, "pid");
        var script = Script($"echo $$ > '{pidFile}'\nexec python3 -c 'import socket,sys,time; s=socket.socket(); s.bind((\"127.0.0.1\", int(sys.argv[1]))); s.listen(); time.sleep(120)' \"$4\"");
        var clock = Stopwatch.StartNew();
        var (peer, error) = LocalPeerProcess.Start(script, TimeSpan.FromSeconds(1));
        Assert.Null(peer);
        Assert.Matches("did not answer on port [0-9]+ within 1 s$", error);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 20);
        AssertStops(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/moto-api/", true)]
    [InlineData("/", false)]
    public void LocalPeer_IsReadyWhenItsMotoApiAnswers_NotAnyPage(string answered, bool ready)
    {
        // An HTTP server that answers 200 on one path and 404 on every other: only moto's own API says moto is up.
        var pidFile = Path.Combine(folder, "pid");
        var server = "import http.server,sys\nclass H(http.server.BaseHTTPRequestHandler):\n  def do_GET(s): s.send_response(200 if s.path == sys.argv[2] else 404); s.end_headers()\n  def log_message(s, *a): pass\nhttp.server.HTTPServer((\"127.0.0.1\", int(sys.argv[1])), H).serve_forever()";
        var script = Script($"echo $$ > '{pidFile}'\nexec python3 -c '{server}' \"$4\" '{answered}'");
        var (peer, error) = LocalPeerProcess.Start(script, TimeSpan.FromSeconds(ready ? 30 : 2));
        using (peer)
        {
            Assert.Equal(ready, peer is not null);
            if (!ready)
            {
                Assert.Matches("did not answer on port [0-9]+ within 2 s$", error);
            }
        }

        AssertStops(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void LocalPeer_ThatWritesMuchOutput_IsNotBlockedOnIt()
    {
        // 1 MB on each stream (a pipe holds 64 KB) before it serves /moto-api/ on the port it is given; it also starts a
        // child of its own, which stopping the peer stops too.
        var child = Path.Combine(folder, "child");
        var script = Script($"sleep 120 &\necho $! > '{child}'\nhead -c 1000000 /dev/zero | tr '\\0' x\nhead -c 1000000 /dev/zero | tr '\\0' y >&2\ncd '{folder}' && mkdir -p moto-api && exec python3 -m http.server --bind 127.0.0.1 \"$4\" 2>/dev/null");
        var (peer, error) = LocalPeerProcess.Start(script, TimeSpan.FromSeconds(30));
        Assert.True(peer is not null, error);
        var pid = peer.ProcessId;
        peer.Dispose();
        AssertStops(pid);
        AssertStops(int.Parse(File.ReadAllText(child).Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task LocalPeer_MotoServer_AnswersUntilDisposed_ThenItsProcessIsGone()
    {
        var (peer, error) = LocalPeerProcess.Start(startLimit: TimeSpan.FromSeconds(60));
        Assert.True(peer is not null, error);
        var pid = peer.ProcessId;
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            Assert.True((await http.GetAsync(new Uri(peer.Endpoint, "moto-api/"))).IsSuccessStatusCode);
        }

        peer.Dispose();
        AssertStops(pid);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (LocalPeerProcess?, string?) Describe((LocalPeerProcess? Peer, string? Error) started) => started;

    private string Script(string body)
    {
        var path = Path.Combine(folder, $"peer-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    /// <summary>The process is gone (or a zombie waiting for its parent) within 10 s.</summary>
    private static void AssertStops(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && Running(pid))
        {
            Thread.Sleep(50);
        }

        Assert.False(Running(pid), $"process {pid} still runs");
    }

    private static bool Running(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
