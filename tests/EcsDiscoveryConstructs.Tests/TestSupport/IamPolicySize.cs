using System.Text.Json.Nodes;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>
/// The size IAM counts for a synthesized policy document once deployed (no whitespace), with each intrinsic replaced by
/// the longest value it takes, against IAM's quotas (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
/// </summary>
internal static class IamPolicySize
{
    /// <summary>Characters of all inline policies of a role together.</summary>
    public const int InlinePerRole = 10_240;

    /// <summary>Characters of one managed policy.</summary>
    public const int Managed = 6_144;

    /// <summary>Managed policies attached to a role (the default quota).</summary>
    public const int ManagedPerRole = 10;

    public static int Deployed(JsonNode document) => Evaluate(document)!.ToJsonString().Length;

    private static JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } o when o["Ref"] is { } reference => JsonValue.Create(Ref(reference.GetValue<string>())),
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray attribute => JsonValue.Create(GetAtt(attribute[1]!.GetValue<string>())),
        JsonObject { Count: 1 } o when o["Fn::Join"] is JsonArray join => JsonValue.Create(string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(p => Evaluate(p)!.GetValue<string>()))),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Evaluate).ToArray()),
        _ => node?.DeepClone(),
    };

    // Longest values: the aws-us-gov partition, a 14-character Region, a 12-digit account, a 20-character Cloud Map id.
    private static string Ref(string name) => name switch
    {
        "AWS::Partition" => "aws-us-gov",
        "AWS::Region" => "ap-southeast-4",
        "AWS::AccountId" => "123456789012",
        "AWS::StackName" => new string('s', 128),
        _ => new string('r', 64),
    };

    private static string GetAtt(string attribute) => attribute switch
    {
        "Id" => "srv-abcdefghijklmnop",
        "Arn" => new string('a', 128),
        _ => new string('g', 64),
    };
}
