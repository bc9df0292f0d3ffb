using System.Runtime.CompilerServices;
using Amazon.CDK;
using Xunit.Sdk;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>
/// Golden-file checks for synthesized templates. The golden file <c>{TestClass}.{TestMethod}.verified.json</c> sits
/// beside the test's source file. On a mismatch the new text is written to <c>.received.json</c> (git-ignored) and
/// the test fails with a line diff; setting <see cref="AcceptVariable"/>=1 accepts every received text instead.
/// </summary>
internal static class Snapshot
{
    /// <summary>The environment variable that re-accepts all golden files.</summary>
    public const string AcceptVariable = "ECS_DISCOVERY_ACCEPT_SNAPSHOTS";

    /// <summary>Synthesizes <paramref name="stack"/>'s app and checks the stack's scrubbed template against its golden file.</summary>
    public static void MatchTemplate(Stack stack, [CallerFilePath] string sourceFile = "", [CallerMemberName] string testMethod = "")
    {
        var assembly = ((App)stack.Node.Root).Synth();
        var templatePath = Path.Combine(assembly.Directory, stack.TemplateFile);
        Match(TemplateScrubber.Scrub(File.ReadAllText(templatePath)), sourceFile, testMethod);
    }

    /// <summary>True when <see cref="AcceptVariable"/> is set to 1.</summary>
    public static bool AcceptRequested => System.Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Checks <paramref name="received"/> against the golden file of the calling test.</summary>
    public static void Match(string received, string sourceFile, string testMethod) => Match(received, sourceFile, testMethod, AcceptRequested);

    /// <summary>Checks <paramref name="received"/>; with <paramref name="accept"/> it becomes the golden file instead.</summary>
    public static void Match(string received, string sourceFile, string testMethod, bool accept)
    {
        var folder = Path.GetDirectoryName(sourceFile)!;
        var stem = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{testMethod}");
        var verifiedPath = stem + ".verified.json";
        var receivedPath = stem + ".received.json";
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;

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
            throw new XunitException($"No golden file {name} yet. Review {Path.GetFileName(receivedPath)}, then run the tests with {AcceptVariable}=1 to accept it.");
        }

        var resources = received.Contains("\"Resources\"", StringComparison.Ordinal) ? CfnDiff.Describe(verifiedPath, receivedPath) : null;
        throw new XunitException(
            $"The template differs from {name}. If the change is intended, run the tests with {AcceptVariable}=1.\n"
            + (resources is null ? string.Empty : $"CloudFormation diff (golden -> received):\n{resources}\n")
            + $"Line diff (- golden, + received):\n{TextDiff.Unified(verified, received)}");
    }
}
