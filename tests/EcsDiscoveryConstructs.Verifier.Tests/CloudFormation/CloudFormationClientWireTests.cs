using System.Net;
using System.Text;
using Amazon.Runtime;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Tests.CloudFormation;

/// <summary>
/// The CloudFormation Query protocol as the reader speaks it, over an in-process transport: the signed form it posts,
/// ListStackResources pages followed by NextToken, the XML error shape, and what a lying or hostile answer becomes.
/// </summary>
public sealed class CloudFormationClientWireTests
{
    private const string Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private static string Page(string members, string? next = null)
        => $"<ListStackResourcesResponse xmlns=\"{Ns}\"><ListStackResourcesResult><StackResourceSummaries>{members}</StackResourceSummaries>{(next is null ? string.Empty : $"<NextToken>{next}</NextToken>")}</ListStackResourcesResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListStackResourcesResponse>";

    private static string Member(string logical, string? physical, string type, string status = "CREATE_COMPLETE")
        => $"<member><LogicalResourceId>{logical}</LogicalResourceId>{(physical is null ? string.Empty : $"<PhysicalResourceId>{physical}</PhysicalResourceId>")}<ResourceType>{type}</ResourceType><LastUpdatedTimestamp>2026-12-01T10:00:00Z</LastUpdatedTimestamp><ResourceStatus>{status}</ResourceStatus></member>";

    private static string Error(string code, string message)
        => $"<ErrorResponse xmlns=\"{Ns}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-2</RequestId></ErrorResponse>";

    private static CloudFormationClient Client(FormHandler handler) => new(
        new AwsClientOptions
        {
            Region = "eu-west-1",
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "cfn-wire-secret"),
            EndpointUrl = new Uri("http://127.0.0.1:4566/"),
            MaxAttempts = 3,
            BaseBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(2),
            MaxPages = 4,
        },
        handler);

    [Fact]
    public async Task ListStackResources_PostsASignedForm_FollowsNextToken_AndReadsEveryResource()
    {
        using var handler = new FormHandler(form => form.Contains("NextToken=", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, Page(Member("Cluster", "Shop-Cluster-Ab12", "AWS::ECS::Cluster") + Member("Pending", null, "AWS::ECS::Service", "CREATE_IN_PROGRESS")))
            : (HttpStatusCode.OK, Page(Member("BackendService", "arn:aws:ecs:eu-west-1:123456789012:service/Shop-Cluster-Ab12/Shop-Backend-Xy9", "AWS::ECS::Service"), "page+2/=")));
        using var client = Client(handler);
        var resources = await client.ListStackResourcesAsync("Shop Stage", CancellationToken.None);
        Assert.Equal(
            [
                new StackResource("BackendService", "arn:aws:ecs:eu-west-1:123456789012:service/Shop-Cluster-Ab12/Shop-Backend-Xy9", "AWS::ECS::Service", "CREATE_COMPLETE"),
                new StackResource("Cluster", "Shop-Cluster-Ab12", "AWS::ECS::Cluster", "CREATE_COMPLETE"),
                new StackResource("Pending", null, "AWS::ECS::Service", "CREATE_IN_PROGRESS"),
            ],
            resources);
        Assert.Equal(["Action=ListStackResources&Version=2010-05-15&StackName=Shop%20Stage", "Action=ListStackResources&Version=2010-05-15&StackName=Shop%20Stage&NextToken=page%2B2%2F%3D"], handler.Forms);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", handler.ContentTypes[0]);
        Assert.Contains("/eu-west-1/cloudformation/aws4_request", handler.Authorizations[0], StringComparison.Ordinal);
        Assert.Equal(2, client.RequestCount);
    }

    [Fact]
    public async Task AStackThatDoesNotExist_IsAValidationErrorThatSaysSo()
    {
        using var handler = new FormHandler(_ => (HttpStatusCode.BadRequest, Error("ValidationError", "Stack with id Shop does not exist")));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => client.ListStackResourcesAsync("Shop", CancellationToken.None));
        Assert.Equal(("ListStackResources failed: ValidationError: Stack with id Shop does not exist", true, 1), (error.Message, error.IsMissingStack, handler.Forms.Count));
    }

    [Fact]
    public async Task Throttling_IsRetried_AccessDeniedIsNot()
    {
        var calls = 0;
        using var throttled = new FormHandler(_ => ++calls == 1 ? (HttpStatusCode.BadRequest, Error("Throttling", "Rate exceeded")) : (HttpStatusCode.OK, Page(string.Empty)));
        using (var client = Client(throttled))
        {
            Assert.Empty(await client.ListStackResourcesAsync("Shop", CancellationToken.None));
            Assert.Equal(2, throttled.Forms.Count);
        }

        using var denied = new FormHandler(_ => (HttpStatusCode.Forbidden, Error("AccessDenied", "User is not authorized to perform: cloudformation:ListStackResources")));
        using var refused = Client(denied);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => refused.ListStackResourcesAsync("Shop", CancellationToken.None));
        Assert.Equal(("AccessDenied", false, 1), (error.Code, error.IsMissingStack, denied.Forms.Count));
    }

    [Theory]
    [InlineData("not xml at all", "is not well-formed XML")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ListStackResourcesResponse>&e;</ListStackResourcesResponse>", "is not well-formed XML")]
    [InlineData("<DescribeStacksResponse/>", "the answer's root element is <DescribeStacksResponse>, expected <ListStackResourcesResponse>")]
    [InlineData("<ListStackResourcesResponse><ListStackResourcesResult/><ListStackResourcesResult/></ListStackResourcesResponse>", "ListStackResourcesResponse/ListStackResourcesResult appears more than once")]
    [InlineData("<ListStackResourcesResponse><ListStackResourcesResult><StackResourceSummaries><member><ResourceType>AWS::ECS::Cluster</ResourceType></member></StackResourceSummaries></ListStackResourcesResult></ListStackResourcesResponse>", "StackResourceSummaries/member/LogicalResourceId is missing or empty")]
    [InlineData("<ListStackResourcesResponse><ListStackResourcesResult><StackResourceSummaries><member><LogicalResourceId><b/></LogicalResourceId></member></StackResourceSummaries></ListStackResourcesResult></ListStackResourcesResponse>", "LogicalResourceId holds elements, expected text")]
    public async Task AnAnswerOfAnotherShape_IsAMalformedResponseNamingWhat(string answer, string expected)
    {
        using var handler = new FormHandler(_ => (HttpStatusCode.OK, answer));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => client.ListStackResourcesAsync("Shop", CancellationToken.None));
        Assert.Equal("MalformedResponse", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatRepeatsItsNextToken_IsAPaginationLoop_NotAHang()
    {
        using var handler = new FormHandler(_ => (HttpStatusCode.OK, Page(Member("A", "a", "AWS::SNS::Topic"), "same")));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => client.ListStackResourcesAsync("Shop", CancellationToken.None));
        Assert.Equal(("PaginationLoop", 2), (error.Code, handler.Forms.Count));
    }

    [Fact]
    public async Task AnErrorBodyThatIsNotXml_KeepsTheHttpStatusAsTheCode()
    {
        using var handler = new FormHandler(_ => (HttpStatusCode.BadRequest, "<html>proxy says no</html>"));
        using var client = Client(handler);
        var error = await Assert.ThrowsAsync<CloudFormationException>(() => client.ListStackResourcesAsync("Shop", CancellationToken.None));
        Assert.Equal("Http400", error.Code);
    }

    /// <summary>Answers each form-encoded POST with the script; records the forms, content types and authorizations.</summary>
    private sealed class FormHandler(Func<string, (HttpStatusCode Status, string Body)> script) : HttpMessageHandler
    {
        public List<string> Forms { get; } = [];

        public List<string> ContentTypes { get; } = [];

        public List<string> Authorizations { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            Forms.Add(form);
            ContentTypes.Add(request.Content.Headers.ContentType!.ToString());
            Authorizations.Add(string.Join(",", request.Headers.GetValues("Authorization")));
            var (status, body) = script(form);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        }
    }

    [Fact]
    public async Task DescribeStacks_ReadsTheIdStatusAndWhenTheTemplateLastChanged()
    {
        using var handler = new FormHandler(_ => (HttpStatusCode.OK, $"<DescribeStacksResponse xmlns=\"{Ns}\"><DescribeStacksResult><Stacks><member><StackId>arn:aws:cloudformation:eu-west-1:123456789012:stack/Shop/abc</StackId><StackName>Shop</StackName><CreationTime>2026-11-01T10:00:00Z</CreationTime><LastUpdatedTime>2026-12-01T11:30:00.123Z</LastUpdatedTime><StackStatus>UPDATE_COMPLETE</StackStatus></member></Stacks></DescribeStacksResult></DescribeStacksResponse>"));
        using var client = Client(handler);
        var stack = await client.DescribeStackAsync("Shop", CancellationToken.None);
        Assert.Equal(new StackSummary("arn:aws:cloudformation:eu-west-1:123456789012:stack/Shop/abc", "UPDATE_COMPLETE", new DateTimeOffset(2026, 12, 1, 11, 30, 0, 123, TimeSpan.Zero)), stack);
        Assert.Equal(["Action=DescribeStacks&Version=2010-05-15&StackName=Shop"], handler.Forms);
    }

    [Fact]
    public async Task DescribeStacks_OfANeverUpdatedStack_TakesItsCreationTime_AndAnEmptyAnswerIsMalformed()
    {
        using var created = new FormHandler(_ => (HttpStatusCode.OK, $"<DescribeStacksResponse xmlns=\"{Ns}\"><DescribeStacksResult><Stacks><member><StackId>id-1</StackId><CreationTime>2026-11-01T10:00:00Z</CreationTime></member></Stacks></DescribeStacksResult></DescribeStacksResponse>"));
        using var client = Client(created);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), (await client.DescribeStackAsync("Shop", CancellationToken.None)).ChangedAt);
        using var empty = new FormHandler(_ => (HttpStatusCode.OK, $"<DescribeStacksResponse xmlns=\"{Ns}\"><DescribeStacksResult><Stacks/></DescribeStacksResult></DescribeStacksResponse>"));
        using var emptyClient = Client(empty);
        Assert.Equal("MalformedResponse", (await Assert.ThrowsAsync<CloudFormationException>(() => emptyClient.DescribeStackAsync("Shop", CancellationToken.None))).Code);
    }

    [Fact]
    public async Task GetTemplate_AsksForTheProcessedTemplate_AndReturnsItsBody()
    {
        using var handler = new FormHandler(_ => (HttpStatusCode.OK, $"<GetTemplateResponse xmlns=\"{Ns}\"><GetTemplateResult><TemplateBody>{{\"Resources\":{{\"A\":{{\"Type\":\"AWS::SNS::Topic\"}}}}}}</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable></GetTemplateResult></GetTemplateResponse>"));
        using var client = Client(handler);
        Assert.Equal("{\"Resources\":{\"A\":{\"Type\":\"AWS::SNS::Topic\"}}}", await client.GetTemplateAsync("Shop Stage", CancellationToken.None));
        Assert.Equal(["Action=GetTemplate&Version=2010-05-15&StackName=Shop%20Stage&TemplateStage=Processed"], handler.Forms);
    }

    [Fact]
    public async Task GetTemplate_WithoutABody_IsMalformed_AndAMissingStackSaysSo()
    {
        using var bodiless = new FormHandler(_ => (HttpStatusCode.OK, $"<GetTemplateResponse xmlns=\"{Ns}\"><GetTemplateResult/></GetTemplateResponse>"));
        using var client = Client(bodiless);
        Assert.Equal("MalformedResponse", (await Assert.ThrowsAsync<CloudFormationException>(() => client.GetTemplateAsync("Shop", CancellationToken.None))).Code);
        using var missing = new FormHandler(_ => (HttpStatusCode.BadRequest, Error("ValidationError", "Stack with id Shop does not exist")));
        using var missingClient = Client(missing);
        Assert.True((await Assert.ThrowsAsync<CloudFormationException>(() => missingClient.GetTemplateAsync("Shop", CancellationToken.None))).IsMissingStack);
    }
}
