using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.CDK;

namespace EcsDiscoveryConstructs.Testing;

/// <summary>
/// Golden-file checks for synthesized templates, for any test framework. The golden file
/// <c>{SourceFile}.{TestName}.verified.json</c> sits beside the calling test's source file. On a mismatch the received
/// text is written to <c>.received.json</c> and <see cref="SnapshotMismatchException"/> explains the difference; with
/// <see cref="AcceptVariable"/>=1 every received text becomes the golden file instead.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that re-accepts every golden file (value <c>1</c>).</summary>
    public const string AcceptVariable = "ECS_DISCOVERY_ACCEPT_SNAPSHOTS";

    /// <summary>True when <see cref="AcceptVariable"/> is set to 1.</summary>
    public static bool AcceptRequested => System.Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>
    /// Synthesizes <paramref name="stack"/>'s app and checks the stack's template (asset hashes scrubbed) against the
    /// golden file of the calling test. Call it once per app: the app is synthesized here.
    /// </summary>
    public static void Match(Stack stack, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (stack.Node.Root is not App app)
        {
            throw new ArgumentException($"Stack '{stack.Node.Path}' is not in an App; create it with new App() so it can be synthesized.", nameof(stack));
        }

        var assembly = app.Synth();
        MatchText(TemplateScrubber.Scrub(File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile))), sourceFile, testName, AcceptRequested);
    }

    /// <summary>Checks <paramref name="received"/> (any text; templates get a resource-level diff) against the golden file of <paramref name="sourceFile"/> and <paramref name="testName"/>.</summary>
    public static void MatchText(string received, string sourceFile, string testName) => MatchText(received, sourceFile, testName, AcceptRequested);

    /// <summary>Checks <paramref name="received"/>; with <paramref name="accept"/> it becomes the golden file instead.</summary>
    public static void MatchText(string received, string sourceFile, string testName, bool accept)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentException.ThrowIfNullOrEmpty(sourceFile);
        ArgumentException.ThrowIfNullOrEmpty(testName);
        var folder = SourceLocation.Folder(sourceFile);
        var stem = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testName}");
        var verifiedPath = stem + ".verified.json";
        var receivedPath = stem + ".received.json";
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        received = received.ReplaceLineEndings("\n");

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var name = Path.GetFileName(verifiedPath);
        if (verified is null)
        {
            throw new SnapshotMismatchException(
                $"No golden file {name} yet. Review {Path.GetFileName(receivedPath)}, then run the tests with {AcceptVariable}=1 to accept it.",
                verifiedPath,
                receivedPath,
                []);
        }

        var changes = TemplateChanges(verified, received);
        throw new SnapshotMismatchException(
            $"The template differs from {name}. If the change is intended, run the tests with {AcceptVariable}=1.\n"
            + (changes.Count == 0 ? string.Empty : $"CloudFormation diff (golden -> received):\n{TemplateDiff.Describe(changes)}\n")
            + $"Line diff (- golden, + received):\n{TextDiff.Unified(verified, received)}",
            verifiedPath,
            receivedPath,
            changes);
    }

    private static IReadOnlyList<ResourceChange> TemplateChanges(string verified, string received)
    {
        try
        {
            return received.Contains("\"Resources\"", StringComparison.Ordinal) ? TemplateDiff.Compare(verified, received) : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
