using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests;

/// <summary>Properties every golden template must have, whichever test produced it.</summary>
public class GoldenInvariantsTests
{
    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.verified.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void RegistryArns_AreArnsOfCloudMapServicesInTheSameTemplate(string relativePath)
    {
        var resources = Resources(relativePath);
        foreach (var (_, service) in OfType(resources, "AWS::ECS::Service"))
        {
            foreach (var registry in service["Properties"]?["ServiceRegistries"]?.AsArray() ?? [])
            {
                var arn = registry!["RegistryArn"]!;
                if (arn is JsonValue)
                {
                    Assert.Matches("^arn:aws[a-z-]*:servicediscovery:[^:]+:[0-9]{12}:service/srv-", arn.GetValue<string>());
                    continue;
                }

                var target = arn["Fn::GetAtt"]!.AsArray();
                Assert.Equal("Arn", target[1]!.GetValue<string>());
                Assert.Equal("AWS::ServiceDiscovery::Service", resources[target[0]!.GetValue<string>()]?["Type"]?.GetValue<string>());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void ServiceConnectServices_CarryClientAliases_AndNeverReuseACloudMapName(string relativePath)
    {
        var resources = Resources(relativePath);
        var cloudMapNames = OfType(resources, "AWS::ServiceDiscovery::Service")
            .Select(s => s.Resource["Properties"]?["Name"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, service) in OfType(resources, "AWS::ECS::Service"))
        {
            foreach (var sc in service["Properties"]?["ServiceConnectConfiguration"]?["Services"]?.AsArray() ?? [])
            {
                Assert.NotEmpty(sc!["ClientAliases"]!.AsArray());
                Assert.DoesNotContain(sc["DiscoveryName"]!.GetValue<string>(), cloudMapNames);
            }
        }
    }

    /// <summary>Actions that have no resource-level permissions (or, for ecs:ListTasks on Fargate, none that apply), so "*" is the narrowest resource.</summary>
    private static readonly HashSet<string> StarResourceActions =
    [
        "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
        "logs:DescribeLogGroups", "ecs:ListTasks", "servicediscovery:DiscoverInstances", "servicediscovery:DiscoverInstancesRevision", "ecr:GetAuthorizationToken",
        "servicediscovery:ListNamespaces", "servicediscovery:ListServices", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void NoPolicy_GrantsKmsStar(string relativePath)
    {
        foreach (var statement in Statements(LibraryResources(relativePath)))
        {
            Assert.DoesNotContain(Actions(statement), a => a is "kms:*" or "*");
        }
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void IdentityPolicies_UseStarResourceOnlyForActionsWithoutResourceLevelPermissions(string relativePath)
    {
        var identityTypes = new[] { "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" };
        var resources = LibraryResources(relativePath);
        var statements = resources.Where(r => identityTypes.Contains(r.Value?["Type"]?.GetValue<string>()))
            .SelectMany(r => r.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray());
        foreach (var statement in statements.Where(s => s?["Effect"]?.GetValue<string>() == "Allow"))
        {
            var resource = statement!["Resource"];
            var hasStar = resource switch
            {
                JsonValue v => v.GetValue<string>() == "*",
                JsonArray a => a.Any(r => r is JsonValue rv && rv.GetValue<string>() == "*"),
                _ => false,
            };
            if (hasStar)
            {
                Assert.All(Actions(statement), a => Assert.Contains(a, StarResourceActions));
            }
        }
    }

    private static IEnumerable<JsonNode> Statements(JsonObject resources)
        => resources.Select(r => r.Value!["Properties"])
            .SelectMany(p => new[] { p?["PolicyDocument"], p?["KeyPolicy"], p?["AssumeRolePolicyDocument"] })
            .OfType<JsonNode>()
            .SelectMany(d => d["Statement"]?.AsArray().OfType<JsonNode>() ?? []);

    private static IEnumerable<string> Actions(JsonNode statement)
        => statement["Action"] switch
        {
            JsonValue one => [one.GetValue<string>()],
            JsonArray many => many.Select(a => a!.GetValue<string>()),
            _ => [],
        };

    /// <summary>
    /// The peer tests rebuild aws-cdk's integ scenarios, including resources the scenario itself creates with plain CDK
    /// defaults, not the library: the peer's own KMS keys (CDK's default key policy gives the account root
    /// <c>kms:*</c>, AWS's default key policy) and CDK's EC2 container-instance role (<c>ecs:Poll</c> and the agent's
    /// actions on <c>*</c>). These logical-id prefixes, and only in Peers/, are left out of the policy invariants.
    /// </summary>
    private static readonly string[] PeerOwnedPrefixes = ["KmsKey", "CapacityInstanceRole"];

    private static JsonObject LibraryResources(string relativePath)
    {
        var resources = Resources(relativePath);
        if (!relativePath.Replace('\\', '/').Contains("/Peers/", StringComparison.Ordinal))
        {
            return resources;
        }

        var kept = new JsonObject();
        foreach (var (id, resource) in resources.Where(r => !PeerOwnedPrefixes.Any(p => r.Key.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            kept[id] = resource?.DeepClone();
        }

        return kept;
    }

    private static JsonObject Resources(string relativePath)
        => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)))!["Resources"]!.AsObject();

    private static IEnumerable<(string Id, JsonNode Resource)> OfType(JsonObject resources, string type)
        => resources.Where(r => r.Value?["Type"]?.GetValue<string>() == type).Select(r => (r.Key, r.Value!));
}
