using Amazon.CDK;

namespace EcsDiscoveryConstructs;

/// <summary>
/// Acknowledges a cdk-nag finding the library's own design causes, with its reason, as the <c>cdk_nag</c> metadata
/// cdk-nag's NagSuppressions writes (cdk-nag is not on NuGet). Users' cdk-nag runs then report only their own findings.
/// </summary>
internal static class NagAcknowledgement
{
    public static void Add(CfnResource resource, string ruleId, string reason)
    {
        var existing = resource.GetMetadata("cdk_nag") as IDictionary<string, object>;
        var rules = (existing?["rules_to_suppress"] as object[] ?? []).ToList();
        rules.Add(new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = reason });
        resource.AddMetadata("cdk_nag", new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
    }
}
