using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>Reads a CDK cloud assembly folder (<c>cdk.out</c>): <c>manifest.json</c> and the stack templates it lists.</summary>
public static class CloudAssemblyReader
{
    /// <summary>Reads every stack of the assembly, or only <paramref name="stackNames"/> when any are given.</summary>
    /// <exception cref="AssemblyException">The folder is missing, is not a cloud assembly, a template is broken, or a stack is unknown.</exception>
    public static CloudAssemblyTopology Read(string directory, IReadOnlyCollection<string>? stackNames = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new AssemblyException($"Cloud assembly folder '{directory}' does not exist; run 'npx cdk synth' first or pass --assembly.");
        }

        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new AssemblyException($"'{directory}' is not a cloud assembly: it has no manifest.json.");
        }

        JsonObject artifacts;
        try
        {
            artifacts = JsonNode.Parse(File.ReadAllText(manifestPath))?["artifacts"] as JsonObject
                ?? throw new AssemblyException($"'{manifestPath}' lists no artifacts.");
        }
        catch (JsonException e)
        {
            throw new AssemblyException($"'{manifestPath}' is not valid JSON: {e.Message}", e);
        }

        var stacks = artifacts
            .Where(a => TemplateJson.String(a.Value?["type"]) == "aws:cloudformation:stack")
            .Select(a => (Name: TemplateJson.String(a.Value?["displayName"]) ?? a.Key, Template: TemplateJson.String(a.Value?["properties"]?["templateFile"])))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
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
            var templatePath = Path.Combine(directory, s.Template ?? throw new AssemblyException($"Stack '{s.Name}' has no templateFile in the manifest."));
            if (!File.Exists(templatePath))
            {
                throw new AssemblyException($"The template of stack '{s.Name}' ({templatePath}) is missing.");
            }

            return TemplateTopologyReader.Read(s.Name, File.ReadAllText(templatePath));
        }).ToList();
        return new CloudAssemblyTopology(directory, topologies);
    }
}
