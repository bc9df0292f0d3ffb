using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>Reads a CDK cloud assembly folder (<c>cdk.out</c>): <c>manifest.json</c> and the stack templates it lists.</summary>
internal static class CloudAssemblyReader
{
    /// <summary>Reads every stack of the assembly, or only <paramref name="stackNames"/> when any are given.</summary>
    /// <exception cref="AssemblyException">
    /// The folder is missing, is not a cloud assembly, a file is not a regular file or not the JSON shape expected (the
    /// message names the file and the JSON path), or a stack is unknown.
    /// </exception>
    public static CloudAssemblyTopology Read(string directory, IReadOnlyCollection<string>? stackNames = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new AssemblyException($"Cloud assembly folder '{directory}' does not exist; run 'npx cdk synth' first or pass --assembly.");
        }

        var manifestPath = Path.Combine(directory, "manifest.json");
        if (FileKinds.Of(manifestPath, followLinks: false) == FileKind.Missing)
        {
            throw new AssemblyException($"'{directory}' is not a cloud assembly: it has no manifest.json.");
        }

        try
        {
            var stacks = Stacks(manifestPath);
            if (stacks.Count == 0)
            {
                throw new AssemblyException($"'{directory}' contains no CloudFormation stacks.");
            }

            var wanted = stackNames is { Count: > 0 } ? stackNames : stacks.Select(s => s.Name).ToList();
            var unknown = wanted.Where(w => stacks.All(s => s.Name != w)).ToList();
            if (unknown.Count > 0)
            {
                throw new AssemblyException($"Unknown stack {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the assembly has {string.Join(", ", stacks.Select(s => s.Name))}.");
            }

            var topologies = stacks.Where(s => wanted.Contains(s.Name)).Select(s =>
            {
                if (s.Template is null || Path.IsPathRooted(s.Template) || s.Template.Split('/', '\\').Contains(".."))
                {
                    throw new AssemblyException($"Stack '{s.Name}' has no templateFile inside the assembly folder in the manifest (found {(s.Template is null ? "none" : $"'{s.Template}'")}).");
                }

                var templatePath = Path.Combine(directory, s.Template);
                return TemplateTopologyReader.Read(s.Name, UntrustedFile.ReadText(templatePath, $"The template of stack '{s.Name}'"), templatePath) with { DeployedName = s.DeployedName };
            }).ToList();
            return new CloudAssemblyTopology(directory, topologies);
        }
        catch (InputException e)
        {
            throw new AssemblyException(e.Message, e);
        }
    }

    /// <summary>The CloudFormation stacks the manifest lists, by display name, with the name each is deployed under (<c>properties.stackName</c>, else the artifact id).</summary>
    private static List<(string Name, string? Template, string DeployedName)> Stacks(string manifestPath)
    {
        var root = UntrustedJson.Object(UntrustedJson.Parse(UntrustedFile.ReadText(manifestPath, "manifest.json"), $"'{manifestPath}'"), manifestPath, "the document");
        var artifacts = UntrustedJson.Object(root!["artifacts"], manifestPath, "artifacts")!;
        return artifacts
            .Select(a => (Id: a.Key, Artifact: UntrustedJson.Object(a.Value, manifestPath, $"artifacts.{a.Key}")!))
            .Where(a => UntrustedJson.String(a.Artifact["type"], manifestPath, $"artifacts.{a.Id}.type") == "aws:cloudformation:stack")
            .Select(a => (Id: a.Id, Artifact: a.Artifact, Properties: UntrustedJson.Object(a.Artifact["properties"], manifestPath, $"artifacts.{a.Id}.properties", optional: true)))
            .Select(a => (
                Name: UntrustedJson.String(a.Artifact["displayName"], manifestPath, $"artifacts.{a.Id}.displayName") ?? a.Id,
                Template: UntrustedJson.String(a.Properties?["templateFile"], manifestPath, $"artifacts.{a.Id}.properties.templateFile"),
                DeployedName: UntrustedJson.String(a.Properties?["stackName"], manifestPath, $"artifacts.{a.Id}.properties.stackName") is { Length: > 0 } stackName ? stackName : a.Id))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}
