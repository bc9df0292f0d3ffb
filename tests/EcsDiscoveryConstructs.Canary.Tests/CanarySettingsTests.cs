namespace EcsDiscoveryConstructs.Canary.Tests;

/// <summary>The canary's settings from its environment: what each variable sets, and the first problem, named.</summary>
public sealed class CanarySettingsTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
        ["AWS_REGION"] = "eu-west-1",
        ["ECS_DISCOVERY_STACK"] = "ECommerce",
    };

    private static CanarySettings From(Dictionary<string, string> variables) => CanarySettings.FromEnvironment(name => variables.GetValueOrDefault(name));

    private static Dictionary<string, string> With(params (string Name, string? Value)[] changes)
    {
        var variables = new Dictionary<string, string>(Valid);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                variables.Remove(name);
            }
            else
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    [Fact]
    public void TheLambdaEnvironment_GivesTheStackRegionAndDefaults_WithoutAProblem()
    {
        var settings = From(Valid);
        Assert.Null(settings.Problem);
        Assert.Equal(("127.0.0.1:9001", "eu-west-1", "ECommerce", true, 10_000), (settings.RuntimeApi, settings.Region, settings.StackName, settings.Dns, settings.MaxInvocations));
        Assert.Null(settings.Endpoint);
        Assert.Null(settings.EcsEndpoint);
        Assert.Null(settings.CloudFormationEndpoint);
        Assert.Null(settings.Resolver);
        Assert.Null(settings.FunctionLogicalId);
        Assert.Null(settings.CanaryName);
        Assert.True(settings.CanReportToRuntime);
    }

    [Fact]
    public void OptionalVariables_SetTheScopeNameInvocationsAndResolver()
    {
        var settings = From(With(("ECS_DISCOVERY_FUNCTION", "CanaryFunction12"), ("ECS_DISCOVERY_CANARY", "App/Canary"), ("ECS_DISCOVERY_MAX_INVOCATIONS", "3"), ("ECS_DISCOVERY_DNS_RESOLVER", "10.0.0.2:5353"), ("AWS_REGION", null), ("AWS_DEFAULT_REGION", "us-east-2")));
        Assert.Null(settings.Problem);
        Assert.Equal(("CanaryFunction12", "App/Canary", 3, "us-east-2"), (settings.FunctionLogicalId, settings.CanaryName, settings.MaxInvocations, settings.Region));
        Assert.Equal("10.0.0.2:5353", settings.Resolver!.ToString());
        Assert.False(From(With(("ECS_DISCOVERY_DNS_RESOLVER", "none"))).Dns);
        Assert.Null(From(With(("ECS_DISCOVERY_FUNCTION", ""), ("ECS_DISCOVERY_CANARY", ""))).FunctionLogicalId);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("99999999999")]
    public void AMaxInvocationsThatIsNoPositiveNumber_KeepsTheDefault(string text)
        => Assert.Equal(10_000, From(With(("ECS_DISCOVERY_MAX_INVOCATIONS", text))).MaxInvocations);

    [Fact]
    public void ServiceEndpoints_WinOverTheGenericOne()
    {
        var settings = From(With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1000"), ("AWS_ENDPOINT_URL_ECS", "http://127.0.0.1:2000"), ("AWS_ENDPOINT_URL_CLOUDFORMATION", "https://127.0.0.1:3000")));
        Assert.Equal(("http://127.0.0.1:1000/", "http://127.0.0.1:2000/", "https://127.0.0.1:3000/"), (settings.Endpoint!.ToString(), settings.EcsEndpoint!.ToString(), settings.CloudFormationEndpoint!.ToString()));
        Assert.Equal("http://127.0.0.1:4000/", From(With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1000"), ("AWS_ENDPOINT_URL_SERVICEDISCOVERY", "http://127.0.0.1:4000"))).Endpoint!.ToString());
    }

    [Theory]
    [InlineData("AWS_LAMBDA_RUNTIME_API", null, "AWS_LAMBDA_RUNTIME_API is not set: the canary runs as a Lambda function (provided.al2023)")]
    [InlineData("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:0", "AWS_LAMBDA_RUNTIME_API '127.0.0.1:0' is not host:port (a port of 1-65535)")]
    [InlineData("AWS_REGION", null, "AWS_REGION is not set")]
    [InlineData("AWS_ENDPOINT_URL_SERVICEDISCOVERY", "ftp://127.0.0.1", "the Cloud Map endpoint 'ftp://127.0.0.1' is not an http(s) URL without a user name")]
    [InlineData("AWS_ENDPOINT_URL_ECS", "not a url", "the ECS endpoint 'not a url' is not an http(s) URL without a user name")]
    [InlineData("AWS_ENDPOINT_URL_CLOUDFORMATION", "/relative", "the CloudFormation endpoint '/relative' is not an http(s) URL without a user name")]
    [InlineData("ECS_DISCOVERY_DNS_RESOLVER", "resolver.local", "ECS_DISCOVERY_DNS_RESOLVER 'resolver.local' is not system, none or ip[:port]")]
    [InlineData("ECS_DISCOVERY_STACK", null, "ECS_DISCOVERY_STACK is not set: the DiscoveryCanary construct sets it to the stack whose deployed template the canary checks")]
    [InlineData("ECS_DISCOVERY_STACK", " ", "ECS_DISCOVERY_STACK is not set: the DiscoveryCanary construct sets it to the stack whose deployed template the canary checks")]
    public void EachMissingOrMalformedVariable_IsTheProblem_NamedWithItsValue(string name, string? value, string problem)
        => Assert.Equal(problem, From(With((name, value))).Problem);

    [Fact]
    public void AnEndpointWithAUserName_IsRefused_WithoutShowingTheSecret()
    {
        var settings = From(With(("AWS_ENDPOINT_URL", "http://user:AKIAIOSFODNN7EXAMPLE@127.0.0.1:1000")));
        Assert.StartsWith("the Cloud Map endpoint '", settings.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", settings.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAUsableRuntimeApi_TheProblemCannotBeReportedToIt()
    {
        Assert.False(From(With(("AWS_LAMBDA_RUNTIME_API", null))).CanReportToRuntime);
        Assert.False(From(With(("AWS_LAMBDA_RUNTIME_API", "no-port"))).CanReportToRuntime);
        Assert.True(From(With(("AWS_REGION", null))).CanReportToRuntime);
    }
}
