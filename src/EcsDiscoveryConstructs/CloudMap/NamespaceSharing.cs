using Amazon.CDK;
using Amazon.CDK.AWS.RAM;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Cross-account namespace sharing: the owner's RAM share, and recognising a consumer's import.</summary>
internal static class NamespaceSharing
{
    /// <summary>The AWS managed RAM permission Service Connect needs on a shared namespace.</summary>
    /// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-shared-namespaces.html ("You must use ...").</remarks>
    public const string PermissionName = "AWSRAMPermissionCloudMapECSFullPermission";

    /// <summary>Validates <paramref name="options"/> and creates the resource share (construct id <c>Share</c>, one per namespace).</summary>
    public static CfnResourceShare Share(DiscoveryNamespaceBase ns, string kind, NamespaceShareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequiredProps.Check(ns, kind, ("options.Principals", options.Principals));
        RuleRunner.Apply(ns, kind, new NamespaceShareSpec(options, ns.NamespaceType, Stack.Of(ns).Account, ns.Node.TryFindChild("Share") is not null), RuleCatalog.NamespaceShareRules);
        return new CfnResourceShare(ns, "Share", new CfnResourceShareProps
        {
            Name = options.Name ?? $"{ns.NamespaceName}-share",
            ResourceArns = [ns.NamespaceArn],
            Principals = options.Principals,
            PermissionArns = [$"arn:{Aws.PARTITION}:ram::aws:permission/{PermissionName}"],
            AllowExternalPrincipals = options.AllowExternalPrincipals,
        });
    }

    /// <summary>
    /// The owner account of an imported namespace when its ARN names another account than the stack's: CreateService
    /// then takes the namespace ARN ("For namespaces shared with your AWS account, specify the namespace ARN",
    /// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html). Null when either account is a token.
    /// </summary>
    public static string? OwnerIfShared(Construct scope, string namespaceArn)
    {
        var account = Stack.Of(scope).Account;
        // The verifier reads such ARNs with the same parser (a namespace used by ARN in a template).
        return Shared.NamespaceReference.Parse(namespaceArn)?.Owner is { } owner && TokenGuard.IsConcrete(account) && owner != account ? owner : null;
    }

    /// <summary>Points a Cloud Map service created in a shared namespace at the namespace's ARN (the L1 is read only then).</summary>
    public static void UseArnIfShared(Func<Amazon.CDK.AWS.ServiceDiscovery.CfnService> service, IDiscoveryNamespace ns)
    {
        if (ns.SharedByAccount is not null)
        {
            service().NamespaceId = ns.NamespaceArn;
        }
    }
}
