using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>
/// The one factory for CDK apps in tests: the feature flags of the root cdk.json, no version reporting, no path
/// metadata, no bootstrap-version rule, and output under the run's temporary folder.
/// </summary>
internal static class TestApp
{
    private static readonly Lazy<Dictionary<string, object>> CdkJsonContext = new(ReadCdkJsonContext);

    /// <summary>A new app with the project's context (and <paramref name="overrides"/> over it) and a fresh output folder.</summary>
    public static App Create(IReadOnlyDictionary<string, object>? overrides = null)
    {
        var context = new Dictionary<string, object>(CdkJsonContext.Value)
        {
            ["aws:cdk:enable-path-metadata"] = false,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, object>())
        {
            context[key] = value;
        }

        var outdir = Path.Combine(Path.GetTempPath(), "ecs-discovery-tests", Guid.NewGuid().ToString("N"));
        return new App(new AppProps { AnalyticsReporting = false, Outdir = outdir, PostCliContext = context });
    }

    /// <summary>A new app with one environment-agnostic stack named <paramref name="name"/>.</summary>
    public static Stack CreateStack(string name = "TestStack") => CreateStack(Create(), name);

    /// <summary>A stack in <paramref name="app"/> without the bootstrap-version rule.</summary>
    public static Stack CreateStack(App app, string name) => new(app, name, new StackProps
    {
        Synthesizer = new DefaultStackSynthesizer(new DefaultStackSynthesizerProps { GenerateBootstrapVersionRule = false }),
    });

    /// <summary>An imported VPC with fixed ids: keeps templates about discovery, not networking.</summary>
    public static IVpc ImportedVpc(Stack stack, string id = "Vpc", string vpcId = "vpc-0123456789abcdef0")
        => Vpc.FromVpcAttributes(stack, id, new VpcAttributes
        {
            VpcId = vpcId,
            VpcCidrBlock = "10.0.0.0/16",
            AvailabilityZones = ["us-east-1a", "us-east-1b"],
            PrivateSubnetIds = [$"subnet-a{vpcId[5..]}", $"subnet-b{vpcId[5..]}"],
            PrivateSubnetRouteTableIds = [$"rtb-a{vpcId[5..]}", $"rtb-b{vpcId[5..]}"],
        });

    private static Dictionary<string, object> ReadCdkJsonContext()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "cdk.json")));
        return doc.RootElement.GetProperty("context").EnumerateObject().ToDictionary(p => p.Name, p => ToClr(p.Value));
    }

    private static object ToClr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(ToClr).ToArray(),
        _ => value.ToString(),
    };
}
