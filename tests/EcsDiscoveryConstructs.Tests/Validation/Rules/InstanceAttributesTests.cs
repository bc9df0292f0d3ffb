using Amazon.CDK.Assertions;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class InstanceAttributesTests
{
    [Fact]
    public void ThirtyAttributes_AreRegistered()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = Enumerable.Range(0, 30).ToDictionary(i => $"k{i}", i => "v") });
        Template.FromStack(stack).ResourceCountIs("AWS::ServiceDiscovery::Instance", 1);
    }

    [Fact]
    public void ReservedKeyTooManyAttributesAndBadId_FailWithMessages()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = Enumerable.Range(0, 31).ToDictionary(i => $"k{i}", i => "v");
        attributes["AWS_INSTANCE_IPV4"] = "10.0.0.5";
        var error = Findings.Error(() => api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { InstanceId = "web 1", CustomAttributes = attributes }));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Api': InstanceId 'web 1' is invalid: use 1-64 letters, digits and _/:.@-. Use e.g. 'web-1'. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': CustomAttributes (31) are too many: use at most 30. Remove attributes. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': CustomAttributes key 'AWS_INSTANCE_IPV4' is reserved for AWS. Set addresses through Ipv4, Ipv6, Port or InstanceCname, and name your own attributes without 'AWS_'. [ecs-discovery:instance-attributes]",
            ],
            error.Errors);
    }

    [Fact]
    public void KeysAndValuesAtTheirLimits_AreRegistered()
    {
        // 255-character key, 1,024-character value, 5,000 characters in all.
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = new Dictionary<string, string> { [new string('k', 255)] = "v", ["long"] = new string('v', 1024) };
        attributes["fill1"] = new string('f', 1000);
        attributes["fill2"] = new string('f', 1000);
        attributes["fill3"] = new string('f', 1000);
        attributes["fill4"] = new string('f', 696);
        Assert.Equal(5000, attributes.Sum(a => a.Key.Length + a.Value.Length));
        _ = api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = attributes });
        Template.FromStack(stack).ResourceCountIs("AWS::ServiceDiscovery::Instance", 1);
    }

    [Fact]
    public void InvalidKeysAndTooLongValue_FailWithMessages()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = new Dictionary<string, string> { [""] = "v", ["two words"] = "v", [new string('k', 256)] = "v", ["zoné"] = "v", ["long"] = new string('v', 1025) };
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Api': CustomAttributes key '' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': CustomAttributes key 'two words' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                $"DiscoveryService 'TestStack/Api': CustomAttributes key '{new string('k', 256)}' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                "DiscoveryService 'TestStack/Api': CustomAttributes key 'zoné' is invalid: use 1-255 printable ASCII characters. Rename the attribute. [ecs-discovery:instance-attributes]",
                $"DiscoveryService 'TestStack/Api': CustomAttributes['long'] '{new string('v', 1025)}' is invalid: use at most 1024 printable ASCII characters, spaces and tabs, not starting with a space or tab. Shorten the value or encode it (e.g. Base64 or percent-encoding). [ecs-discovery:instance-attributes]",
            ],
            Findings.Error(() => api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = attributes })).Errors);
    }

    [Fact]
    public void AttributesOneCharacterOverTheTotal_FailWithTheCount()
    {
        // Five attributes of 1,000 characters: no single one is too long, and the largest alone is far under the total.
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var attributes = Enumerable.Range(0, 5).ToDictionary(i => $"k{i}", i => new string('v', i == 0 ? 999 : 998));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': CustomAttributes (5001 characters) are too long together, the AWS_ attributes the instance's addresses make included: use at most 5000 characters. Shorten or remove attributes. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = attributes })).Errors);
    }

    [Fact]
    public void AttributesUnderTheTotalWhoseAddressesTakeThemOver_FailWithTheCountAsAwsCountsIt()
    {
        // 4,970 custom characters; AWS_INSTANCE_IPV4=10.0.0.5 (25) and the AWS_INSTANCE_PORT=8080 (21) count too.
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Srv, CustomHealthCheck = new() });
        var attributes = Enumerable.Range(0, 5).ToDictionary(i => $"k{i}", _ => new string('v', 992));
        Assert.Equal(4970, attributes.Sum(a => a.Key.Length + a.Value.Length));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': CustomAttributes (5016 characters) are too long together, the AWS_ attributes the instance's addresses make included: use at most 5000 characters. Shorten or remove attributes. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "10.0.0.5", Port = 8080, CustomAttributes = attributes })).Errors);
    }

    [Fact]
    public void CdkDefaultPort_CountsTowardsTheTotal()
    {
        // Without a Port the CDK writes AWS_INSTANCE_PORT=80 (19 characters): 4,956 + 25 (AWS_INSTANCE_IPV4, 10.0.0.5) + 19 = 5,000 passes, one more fails.
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", CustomHealthCheck = new() });
        var fits = Enumerable.Range(0, 5).ToDictionary(i => $"k{i}", i => new string('v', i == 0 ? 990 : 989));
        Assert.Equal(4956, fits.Sum(a => a.Key.Length + a.Value.Length));
        _ = service.RegisterIpInstance("Fits", new IpInstanceOptions { Ipv4 = "10.0.0.5", CustomAttributes = fits });
        var over = Enumerable.Range(0, 5).ToDictionary(i => $"k{i}", i => new string('v', i < 2 ? 990 : 989));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': CustomAttributes (5001 characters) are too long together, the AWS_ attributes the instance's addresses make included: use at most 5000 characters. Shorten or remove attributes. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => service.RegisterIpInstance("Over", new IpInstanceOptions { Ipv4 = "10.0.0.6", CustomAttributes = over })).Errors);
    }

    [Theory]
    [InlineData(" leading space")]
    [InlineData("line\nbreak")]
    [InlineData("tab\tand\u0007bell")]
    [InlineData("café")]
    [InlineData("\u00a0no-break")]
    public void ValueOutsideRegisterInstancesPattern_FailsNamingThePattern(string value)
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Api': CustomAttributes['zone'] '{value}' is invalid: use at most 1024 printable ASCII characters, spaces and tabs, not starting with a space or tab. Shorten the value or encode it (e.g. Base64 or percent-encoding). [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["zone"] = value } })).Errors);
    }

    [Fact]
    public void ValuesInThePattern_TabsInsideTrailingSpaceAndEmpty_AreRegistered()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["a"] = "x\ty z ", ["b"] = "", ["c"] = "~!{}" } });
        Assert.Equal("{\"a\":\"x\\ty z \",\"b\":\"\",\"c\":\"~!{}\"}", System.Text.Json.JsonSerializer.Serialize(Templates.OnlyProperties(stack, "AWS::ServiceDiscovery::Instance")["InstanceAttributes"]));
    }

    [Fact]
    public void KeyFromADeployTimeValue_FailsAsNotWrittenInTheTemplate()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var key = Amazon.CDK.Fn.ImportValue("AttributeKey");
        Assert.Equal(
            [$"DiscoveryService 'TestStack/Api': CustomAttributes key '{key}' is a deploy-time value: CloudFormation takes a map's keys only as written in the template. Write the key as a literal string; a deploy-time value can be the attribute's value. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { [key] = "v" } })).Errors);
    }

    [Fact]
    public void ValueFromADeployTimeValue_IsRegistered()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["url"] = Amazon.CDK.Fn.ImportValue("Url") } });
        Assert.Equal("{\"url\":{\"Fn::ImportValue\":\"Url\"}}", System.Text.Json.JsonSerializer.Serialize(Templates.OnlyProperties(stack, "AWS::ServiceDiscovery::Instance")["InstanceAttributes"]));
    }

    [Fact]
    public void TwoInstancesWithOneId_FailAsTheSecondReplacingTheFirst()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.RegisterNonIpInstance("First", new NonIpInstanceOptions { InstanceId = "web-1", CustomAttributes = new Dictionary<string, string> { ["a"] = "1" } });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': InstanceId 'web-1' is already registered in this service: the second registration would replace the first. Give each instance its own InstanceId. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.RegisterNonIpInstance("Second", new NonIpInstanceOptions { InstanceId = "web-1", CustomAttributes = new Dictionary<string, string> { ["a"] = "2" } })).Errors);
        _ = api.RegisterNonIpInstance("Third", new NonIpInstanceOptions { InstanceId = "Web-1", CustomAttributes = new Dictionary<string, string> { ["a"] = "3" } });
        var other = new DiscoveryService(stack, "Other", Fixtures.GoodService(api.Namespace, "other"));
        _ = other.RegisterNonIpInstance("First", new NonIpInstanceOptions { InstanceId = "web-1", CustomAttributes = new Dictionary<string, string> { ["a"] = "1" } });
        Amazon.CDK.Assertions.Template.FromStack(stack).ResourceCountIs("AWS::ServiceDiscovery::Instance", 3);
    }

    [Theory]
    [InlineData("HEALTHY")]
    [InlineData("UNHEALTHY")]
    public void InitHealthStatus_WithACustomHealthCheck_IsRegistered(string status)
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", CustomHealthCheck = new() });
        _ = service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "10.0.0.5", CustomAttributes = new Dictionary<string, string> { ["AWS_INIT_HEALTH_STATUS"] = status } });
        Assert.Equal(status, Templates.Str(Templates.OnlyProperties(stack, "AWS::ServiceDiscovery::Instance")["InstanceAttributes"]!["AWS_INIT_HEALTH_STATUS"]));
    }

    [Fact]
    public void InitHealthStatus_WithoutACustomHealthCheckOrWithAnotherValue_Fails()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var plain = new DiscoveryService(stack, "Plain", new DiscoveryServiceProps { Namespace = ns, Name = "plain" });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Plain': CustomAttributes['AWS_INIT_HEALTH_STATUS'] sets the first status of a custom health check, and the service has none. Remove it, or create the service with CustomHealthCheck. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => plain.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "10.0.0.5", CustomAttributes = new Dictionary<string, string> { ["AWS_INIT_HEALTH_STATUS"] = "HEALTHY" } })).Errors);
        var custom = new DiscoveryService(stack, "Custom", new DiscoveryServiceProps { Namespace = ns, Name = "custom", CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Custom': CustomAttributes['AWS_INIT_HEALTH_STATUS'] 'healthy' is invalid: use HEALTHY or UNHEALTHY. Use \"UNHEALTHY\" to keep the instance out of answers until it reports healthy. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => custom.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = "10.0.0.5", CustomAttributes = new Dictionary<string, string> { ["AWS_INIT_HEALTH_STATUS"] = "healthy" } })).Errors);
    }

    [Fact]
    public void Ec2InstanceId_InAnHttpNamespace_IsRegistered_ElsewhereOrWithOthersItFails()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        _ = api.RegisterNonIpInstance("Vm", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["AWS_EC2_INSTANCE_ID"] = "i-0123456789abcdef0" } });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': CustomAttributes['AWS_EC2_INSTANCE_ID'] 'i-XYZ' is not an EC2 instance id. Use the id as EC2 shows it, e.g. 'i-0123456789abcdef0'. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.RegisterNonIpInstance("Bad", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["AWS_EC2_INSTANCE_ID"] = "i-XYZ" } })).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': CustomAttributes['AWS_EC2_INSTANCE_ID'] allows only AWS_INIT_HEALTH_STATUS beside it. Remove the other attributes: Cloud Map fills AWS_INSTANCE_IPV4 from the EC2 instance. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => api.RegisterNonIpInstance("Mixed", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["AWS_EC2_INSTANCE_ID"] = "i-01234567", ["zone"] = "a" } })).Errors);
        var dns = new DiscoveryService(stack, "Dns", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "dns", CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Dns': CustomAttributes['AWS_EC2_INSTANCE_ID'] registers an EC2 instance, which only an HTTP namespace's service takes, as a non-IP instance. Use RegisterNonIpInstance in an HTTP namespace's service, or give its addresses through RegisterIpInstance (Ipv4, Port). [ecs-discovery:instance-attributes]"],
            Findings.Error(() => dns.RegisterIpInstance("Vm", new IpInstanceOptions { Ipv4 = "10.0.0.5", CustomAttributes = new Dictionary<string, string> { ["AWS_EC2_INSTANCE_ID"] = "i-01234567" } })).Errors);
    }

    [Fact]
    public void DeployTimeAddresses_CountAtTheirLongest()
    {
        // 4,920 custom characters; AWS_INSTANCE_IPV4 (17 + up to 15), AWS_INSTANCE_IPV6 (17 + up to 45) and the CDK's
        // AWS_INSTANCE_PORT=80 (19) take the imported addresses to 5,033.
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsRecords = DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa, CustomHealthCheck = new() });
        var attributes = Enumerable.Range(0, 5).ToDictionary(i => $"k{i}", _ => new string('v', 982));
        Assert.Equal(4920, attributes.Sum(a => a.Key.Length + a.Value.Length));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': CustomAttributes (5033 characters) are too long together, the AWS_ attributes the instance's addresses make included: use at most 5000 characters. Shorten or remove attributes. [ecs-discovery:instance-attributes]"],
            Findings.Error(() => service.RegisterIpInstance("Web", new IpInstanceOptions { Ipv4 = Amazon.CDK.Fn.ImportValue("Ipv4"), Ipv6 = Amazon.CDK.Fn.ImportValue("Ipv6"), CustomAttributes = attributes })).Errors);
    }

    [Fact]
    public void AMissingValue_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var api = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack), "api"));
        var error = Findings.Error(() => api.RegisterNonIpInstance("Endpoint", new NonIpInstanceOptions { CustomAttributes = new Dictionary<string, string> { ["zone"] = null! } }));
        Assert.Equal(["DiscoveryService 'TestStack/Api': CustomAttributes['zone'] is missing. Give the attribute a value. [ecs-discovery:instance-attributes]"], error.Errors);
    }
}
