using Amazon.CDK;
using Constructs;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// Acknowledges a cdk-nag finding on one resource, with its reason, as <c>cdk_nag</c> metadata on the CloudFormation
/// resource (what cdk-nag's own NagSuppressions writes; the cdk-nag package is not on NuGet).
/// </summary>
public static class Nag
{
    public static void Acknowledge(IConstruct construct, string ruleId, string reason)
    {
        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException($"'{construct.Node.Path}' has no CloudFormation resource to acknowledge {ruleId} on.", nameof(construct));
        var existing = resource.GetMetadata("cdk_nag") as IDictionary<string, object>;
        var rules = (existing?["rules_to_suppress"] as object[] ?? []).ToList();
        rules.Add(new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = reason });
        resource.AddMetadata("cdk_nag", new Dictionary<string, object> { ["rules_to_suppress"] = rules.ToArray() });
    }
}
