using System.Net;
using System.Text;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Exec;

namespace EcsDiscoveryConstructs.Verifier.Tests.Exec;

/// <summary>
/// KMS and CloudWatch Logs (JSON 1.1) and IAM (Query) as exec-check speaks them: each call's target or action and body,
/// IAM's global endpoint and signing Region, pages followed, and what errors and bad answers become.
/// </summary>
public sealed class ExecAccountClientWireTests
{
    private static ExecAccountClient Client(RecordingHandler handler, string region = "eu-west-1", Uri? endpoint = null) => new(
        new AwsClientOptions { Region = region, Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "exec-wire-secret"), EndpointUrl = endpoint, MaxAttempts = 2, BaseBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(2) },
        handler: handler);

    [Fact]
    public async Task DescribeKey_CallsKmsInTheRegion_AndReadsArnAndState()
    {
        using var handler = new RecordingHandler(_ => (HttpStatusCode.OK, """{ "KeyMetadata": { "KeyId": "k-1", "Arn": "arn:aws:kms:eu-west-1:123456789012:key/k-1", "KeyState": "Enabled" } }"""));
        using var client = Client(handler);
        Assert.Equal(new KmsKeyInfo("arn:aws:kms:eu-west-1:123456789012:key/k-1", "Enabled"), await client.DescribeKeyAsync("alias/exec", CancellationToken.None));
        var sent = Assert.Single(handler.Sent);
        Assert.Equal(("https://kms.eu-west-1.amazonaws.com/", "TrentService.DescribeKey", "{\"KeyId\":\"alias/exec\"}"), (sent.Uri.ToString(), sent.Target, sent.Body));
        Assert.Contains("/eu-west-1/kms/aws4_request", sent.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingKey_IsNotFound()
    {
        using var handler = new RecordingHandler(_ => (HttpStatusCode.BadRequest, """{ "__type": "NotFoundException", "message": "Alias arn:aws:kms:eu-west-1:123456789012:alias/exec is not found." }"""));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<AccountReadException>(() => client.DescribeKeyAsync("alias/exec", CancellationToken.None));
        Assert.True(error.IsNotFound);
    }

    [Fact]
    public async Task DescribeLogGroup_FindsTheExactName_AcrossPages_NotAPrefixMatch()
    {
        using var handler = new RecordingHandler(sent => (HttpStatusCode.OK, sent.Body.Contains("nextToken", StringComparison.Ordinal)
            ? """{ "logGroups": [{ "logGroupName": "/ecs/exec", "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/k-2" }] }"""
            : """{ "logGroups": [{ "logGroupName": "/ecs/exec-old" }], "nextToken": "p2" }"""));
        using var client = Client(handler);
        Assert.Equal(new LogGroupInfo("/ecs/exec", "arn:aws:kms:eu-west-1:123456789012:key/k-2"), await client.DescribeLogGroupAsync("/ecs/exec", CancellationToken.None));
        Assert.Equal(("Logs_20140328.DescribeLogGroups", "{\"logGroupNamePrefix\":\"/ecs/exec\",\"limit\":50}"), (handler.Sent[0].Target, handler.Sent[0].Body));

        using var none = new RecordingHandler(_ => (HttpStatusCode.OK, """{ "logGroups": [{ "logGroupName": "/ecs/exec-old" }] }"""));
        using var empty = Client(none);
        Assert.Null(await empty.DescribeLogGroupAsync("/ecs/exec", CancellationToken.None));
    }

    [Theory]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "/us-east-1/iam/aws4_request")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "/cn-north-1/iam/aws4_request")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "/us-gov-west-1/iam/aws4_request")]
    public async Task SimulatePrincipalPolicy_CallsIamGlobally_WithEveryActionAndMarker(string region, string endpoint, string scope)
    {
        using var handler = new RecordingHandler(sent => (HttpStatusCode.OK, sent.Body.Contains("Marker=", StringComparison.Ordinal)
            ? "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults><member><EvalActionName>b:Y</EvalActionName><EvalDecision>explicitDeny</EvalDecision></member></EvaluationResults></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>"
            : "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>true</IsTruncated><Marker>m+1</Marker><EvaluationResults><member><EvalActionName>a:X</EvalActionName><EvalDecision>allowed</EvalDecision></member></EvaluationResults></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>"));
        using var client = Client(handler, region);
        var decisions = await client.SimulatePrincipalPolicyAsync("arn:aws:iam::123456789012:role/task", ["a:X", "b:Y"], "arn:aws:kms:eu-west-1:1:key/k", CancellationToken.None);
        Assert.Equal([new SimulatedDecision("a:X", "allowed"), new SimulatedDecision("b:Y", "explicitDeny")], decisions);
        Assert.Equal(endpoint, handler.Sent[0].Uri.ToString());
        Assert.Contains(scope, handler.Sent[0].Authorization, StringComparison.Ordinal);
        Assert.Equal("Action=SimulatePrincipalPolicy&Version=2010-05-08&PolicySourceArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Ftask&ActionNames.member.1=a%3AX&ActionNames.member.2=b%3AY&ResourceArns.member.1=arn%3Aaws%3Akms%3Aeu-west-1%3A1%3Akey%2Fk", handler.Sent[0].Body);
        Assert.EndsWith("&Marker=m%2B1", handler.Sent[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_SendsTheConditionKeysAsStringContextEntries()
    {
        using var handler = new RecordingHandler(_ => (HttpStatusCode.OK, "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults/></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>"));
        using var client = Client(handler);
        await client.SimulatePrincipalPolicyAsync("arn:r", ["ecs:ExecuteCommand"], "arn:t", CancellationToken.None, new Dictionary<string, string> { ["ecs:container-name"] = "app", ["ecs:cluster"] = "arn:c" });
        Assert.EndsWith(
            "&ContextEntries.member.1.ContextKeyName=ecs%3Acluster&ContextEntries.member.1.ContextKeyType=string&ContextEntries.member.1.ContextKeyValues.member.1=arn%3Ac"
            + "&ContextEntries.member.2.ContextKeyName=ecs%3Acontainer-name&ContextEntries.member.2.ContextKeyType=string&ContextEntries.member.2.ContextKeyValues.member.1=app",
            handler.Sent[0].Body,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeSubnetRoute_ReadsTheSubnetsOwnTable_ElseTheMainOne_InEc2sShape()
    {
        const string Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";
        using var handler = new RecordingHandler(sent => (HttpStatusCode.OK, sent.Body switch
        {
            var b when b.Contains("Action=DescribeSubnets", StringComparison.Ordinal) => $"<DescribeSubnetsResponse xmlns=\"{Ec2}\"><requestId>r</requestId><subnetSet><item><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId></item></subnetSet></DescribeSubnetsResponse>",
            var b when b.Contains("association.subnet-id", StringComparison.Ordinal) => $"<DescribeRouteTablesResponse xmlns=\"{Ec2}\"><requestId>r</requestId><routeTableSet/></DescribeRouteTablesResponse>",
            var b when b.Contains("Action=DescribeRouteTables", StringComparison.Ordinal) => $"<DescribeRouteTablesResponse xmlns=\"{Ec2}\"><routeTableSet><item><routeTableId>rtb-main</routeTableId><routeSet>"
                + "<item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state></item>"
                + "<item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>nat-0a1b</natGatewayId><state>blackhole</state></item>"
                + "<item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><transitGatewayId>tgw-1</transitGatewayId><state>active</state></item>"
                + "</routeSet></item></routeTableSet></DescribeRouteTablesResponse>",
            _ => $"<DescribeVpcEndpointsResponse xmlns=\"{Ec2}\"><vpcEndpointSet><item><vpcEndpointId>vpce-1</vpcEndpointId><state>available</state></item><item><vpcEndpointId>vpce-2</vpcEndpointId><state>pending</state></item></vpcEndpointSet></DescribeVpcEndpointsResponse>",
        }));
        using var client = Client(handler);
        Assert.Equal(new SubnetRoute("subnet-1", "vpc-1", "tgw-1"), await client.DescribeSubnetRouteAsync("subnet-1", CancellationToken.None));
        Assert.Equal("Action=DescribeRouteTables&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1&Filter.2.Name=association.main&Filter.2.Value.1=true", handler.Sent[2].Body);
        Assert.Equal(["vpce-1"], await client.AvailableVpcEndpointsAsync("vpc-1", "com.amazonaws.eu-west-1.ssmmessages", CancellationToken.None));
        Assert.Equal("https://ec2.eu-west-1.amazonaws.com/", handler.Sent[0].Uri.ToString());
    }

    [Fact]
    public async Task AnEc2Error_IsReadFromItsOwnShape()
    {
        using var handler = new RecordingHandler(_ => (HttpStatusCode.BadRequest, "<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>The subnet ID 'subnet-9' does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>"));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<AccountReadException>(() => client.DescribeSubnetRouteAsync("subnet-9", CancellationToken.None));
        Assert.Equal(("InvalidSubnetID.NotFound", true), (error.Code, error.IsNotFound));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "true")]
    [InlineData(HttpStatusCode.NotFound, "false")]
    [InlineData(HttpStatusCode.Forbidden, "AccountReadException Http403")]
    public async Task HeadBucket_IsAHeadRequestToTheBucketsHost_AndAMissingBucketIsFalse(HttpStatusCode status, string expected)
    {
        using var handler = new RecordingHandler(_ => (status, string.Empty));
        using var client = Client(handler);
        string outcome;
        try
        {
            outcome = (await client.BucketExistsAsync("audit-bucket", CancellationToken.None)) ? "true" : "false";
        }
        catch (AccountReadException e)
        {
            outcome = $"AccountReadException {e.Code}";
        }

        Assert.Equal(expected, outcome);
        Assert.Equal(("HEAD", "https://audit-bucket.s3.eu-west-1.amazonaws.com/"), (handler.Methods[0], handler.Sent[0].Uri.ToString()));
        Assert.Contains("/eu-west-1/s3/aws4_request", handler.Sent[0].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatedMarker_IsAPaginationLoop()
    {
        using var handler = new RecordingHandler(_ => (HttpStatusCode.OK, "<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><IsTruncated>true</IsTruncated><Marker>same</Marker></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>"));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<AccountReadException>(() => client.SimulatePrincipalPolicyAsync("arn:r", ["a:X"], null, CancellationToken.None));
        Assert.Equal(("PaginationLoop", 2), (error.Code, handler.Sent.Count));
    }

    [Fact]
    public async Task ACustomEndpointPerService_WinsOverTheDefault()
    {
        using var handler = new RecordingHandler(_ => (HttpStatusCode.OK, """{ "KeyMetadata": { "Arn": "k" } }"""));
        using var client = new ExecAccountClient(
            new AwsClientOptions { Region = "eu-west-1", Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "x"), EndpointUrl = new Uri("http://127.0.0.1:1/") },
            new Dictionary<string, Uri> { ["KMS"] = new("http://127.0.0.1:2/") },
            handler);
        await client.DescribeKeyAsync("k", CancellationToken.None);
        Assert.Equal("http://127.0.0.1:2/", handler.Sent[0].Uri.ToString());
    }

    private sealed record Sent(Uri Uri, string? Target, string Body, string Authorization);

    private sealed class RecordingHandler(Func<Sent, (HttpStatusCode Status, string Body)> script) : HttpMessageHandler
    {
        public List<Sent> Sent { get; } = [];

        public List<string> Methods { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Methods.Add(request.Method.Method);
            var sent = new Sent(request.RequestUri!, request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.First() : null, request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken), string.Join(",", request.Headers.GetValues("Authorization")));
            Sent.Add(sent);
            var (status, body) = script(sent);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
        }
    }
}
