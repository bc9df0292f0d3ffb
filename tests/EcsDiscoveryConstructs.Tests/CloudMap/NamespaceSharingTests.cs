using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

public class NamespaceSharingTests
{
    private const string SharedArn = "arn:aws:servicediscovery:us-east-1:111122223333:namespace/ns-0123456789abcdef0";

    private static Stack ConsumerStack() => new(TestApp.Create(), "Consumer", new StackProps
    {
        Env = new Amazon.CDK.Environment { Account = "444455556666", Region = "us-east-1" },
        Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }),
    });

    private static IDiscoveryNamespace ImportShared(Stack stack) => HttpDiscoveryNamespace.FromAttributes(stack, "Shared", new DiscoveryNamespaceAttributes
    {
        NamespaceId = "ns-0123456789abcdef0",
        NamespaceArn = SharedArn,
        NamespaceName = "apps",
    });

    [Fact]
    public void ShareWith_EmitsAResourceShareWithTheServiceConnectPermission()
    {
        var w = new Workloads();
        var http = new HttpDiscoveryNamespace(w.Stack, "Apps", new HttpDiscoveryNamespaceProps { Name = "apps" });
        _ = http.ShareWith(new NamespaceShareOptions { Principals = ["444455556666", "arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdefgh34"] });

        var share = Templates.OnlyProperties(w.Stack, "AWS::RAM::ResourceShare");
        Assert.Equal("apps-share", Templates.Str(share["Name"]));
        Assert.Equal(["444455556666", "arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cdefgh34"], share["Principals"]!.AsArray().Select(Templates.Str));
        Assert.False(share["AllowExternalPrincipals"]!.GetValue<bool>());
        Assert.Contains("ram::aws:permission/AWSRAMPermissionCloudMapECSFullPermission", System.Text.Json.JsonSerializer.Serialize(share["PermissionArns"]), StringComparison.Ordinal);
        Assert.Contains("\"Fn::GetAtt\"", System.Text.Json.JsonSerializer.Serialize(share["ResourceArns"]), StringComparison.Ordinal);
        Assert.Empty(Findings.Warnings(w.Stack, "namespace-share-dns"));
    }

    [Fact]
    public void SharedImport_ServiceConnectGetsTheArn_AndCloudMapServicesAreCreatedByArn()
    {
        var stack = ConsumerStack();
        var ns = ImportShared(stack);
        var cluster = new Cluster(stack, "Cluster", new ClusterProps { Vpc = TestApp.ImportedVpc(stack) });
        _ = new DiscoverableFargateService(stack, "Web", new DiscoverableFargateServiceProps
        {
            Cluster = cluster,
            Name = "web",
            Container = Workloads.WebContainer(),
            ServiceConnect = new ServiceConnectOptions { Namespace = ns, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
            CloudMap = new CloudMapRegistrationOptions { Namespace = ns, Name = "web-api" },
        });

        var sc = Templates.OnlyProperties(stack, "AWS::ECS::Service")["ServiceConnectConfiguration"]!.AsObject();
        Assert.Equal(SharedArn, Templates.Str(sc["Namespace"]));
        Assert.Equal(SharedArn, Templates.Str(Templates.OnlyProperties(stack, "AWS::ServiceDiscovery::Service")["NamespaceId"]));
    }

    [Fact]
    public void OwnAccountImport_KeepsTheNamespaceId()
    {
        var stack = ConsumerStack();
        var ns = HttpDiscoveryNamespace.FromAttributes(stack, "Own", new DiscoveryNamespaceAttributes { NamespaceId = "ns-0123456789abcdef0", NamespaceArn = "arn:aws:servicediscovery:us-east-1:444455556666:namespace/ns-0123456789abcdef0", NamespaceName = "apps" });
        _ = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = ns, Name = "api" });
        Assert.Equal("ns-0123456789abcdef0", Templates.Str(Templates.OnlyProperties(stack, "AWS::ServiceDiscovery::Service")["NamespaceId"]));
    }
}
