using System.Net;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Aws;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Exec;

/// <summary>A KMS key as DescribeKey returns it: its ARN and state (Enabled, Disabled, PendingDeletion, ...).</summary>
internal sealed record KmsKeyInfo(string Arn, string? KeyState);

/// <summary>A subnet's VPC and how it reaches the internet: the target of its IPv4 default route (a NAT gateway, an internet or transit gateway, ...), or null without one.</summary>
internal sealed record SubnetRoute(string SubnetId, string VpcId, string? DefaultRouteTarget);

/// <summary>A CloudWatch Logs group: its name and the KMS key that encrypts it, if any.</summary>
internal sealed record LogGroupInfo(string Name, string? KmsKeyId);

/// <summary>One action IAM's policy simulator judged: <c>allowed</c>, <c>explicitDeny</c> or <c>implicitDeny</c>.</summary>
internal sealed record SimulatedDecision(string Action, string Decision);

/// <summary>A KMS, CloudWatch Logs or IAM call failed: an AWS error (with its code), a transport failure, a timeout or an answer that cannot be read.</summary>
internal sealed class AccountReadException : AwsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The API operation, e.g. <c>DescribeKey</c>.</param>
    /// <param name="code">The AWS error code, or a local one: <c>Timeout</c>, <c>ConnectionFailed</c>, <c>MalformedResponse</c>, <c>PaginationLoop</c>.</param>
    /// <param name="message">The reason.</param>
    /// <param name="statusCode">The HTTP status, when there was an answer.</param>
    /// <param name="inner">The cause.</param>
    public AccountReadException(string operation, string code, string message, HttpStatusCode? statusCode = null, Exception? inner = null)
        : base(operation, code, message, statusCode, inner)
    {
    }
}

/// <summary>What <c>exec-check</c> reads besides ECS: the session key, the session log group, and what the task role may do.</summary>
internal interface IExecAccountReader
{
    /// <summary>KMS DescribeKey; a key that does not exist is an <see cref="AccountReadException"/> with <c>NotFoundException</c>.</summary>
    Task<KmsKeyInfo> DescribeKeyAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>CloudWatch Logs DescribeLogGroups by name prefix: the group with exactly <paramref name="name"/>, or null.</summary>
    Task<LogGroupInfo?> DescribeLogGroupAsync(string name, CancellationToken cancellationToken);

    /// <summary>S3 HeadBucket: true when the bucket exists and the caller may see it, false when it does not exist; an <see cref="AccountReadException"/> otherwise (403: it may exist).</summary>
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken);

    /// <summary>EC2: the subnet's VPC and its IPv4 default route (its own route table's, else the VPC's main one).</summary>
    Task<SubnetRoute> DescribeSubnetRouteAsync(string subnetId, CancellationToken cancellationToken);

    /// <summary>EC2: the VPC endpoints of <paramref name="vpcId"/> for <paramref name="serviceName"/> (e.g. <c>com.amazonaws.us-east-1.ssmmessages</c>) that are available.</summary>
    Task<IReadOnlyList<string>> AvailableVpcEndpointsAsync(string vpcId, string serviceName, CancellationToken cancellationToken);

    /// <summary>
    /// IAM SimulatePrincipalPolicy: how the identity policies of <paramref name="principalArn"/> judge each action on
    /// <paramref name="resourceArn"/> (all resources when null), with the string condition keys of <paramref name="context"/>.
    /// </summary>
    Task<IReadOnlyList<SimulatedDecision>> SimulatePrincipalPolicyAsync(string principalArn, IReadOnlyList<string> actions, string? resourceArn, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? context = null);
}

/// <summary>
/// KMS (JSON 1.1, <c>TrentService</c>), CloudWatch Logs (JSON 1.1, <c>Logs_20140328</c>) and IAM (Query, global endpoint,
/// signed for the partition's IAM Region) over the verifier's transports.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html (KeyMetadata.Arn, KeyState);
/// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogGroups.html (logGroupNamePrefix,
/// limit 1-50, logGroups[].logGroupName and kmsKeyId, nextToken);
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html (PolicySourceArn, ActionNames.member.N,
/// ResourceArns.member.N; EvaluationResults/member/EvalActionName and EvalDecision; IsTruncated and Marker);
/// https://docs.aws.amazon.com/general/latest/gr/iam-service.html (iam.amazonaws.com signed for us-east-1);
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html (filters association.subnet-id,
/// vpc-id, association.main; routeSet items with destinationCidrBlock, state and the target's id),
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html (filters vpc-id, service-name; state);
/// https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html (200 exists, 404 no such bucket, 403 no permission).
/// </remarks>
internal sealed class ExecAccountClient : IExecAccountReader, IDisposable
{
    private readonly AwsJsonTransport kms;
    private readonly AwsJsonTransport logs;
    private readonly AwsQueryTransport iam;
    private readonly AwsQueryTransport ec2;
    private readonly AwsTransport s3;
    private readonly Uri? s3Endpoint;
    private readonly string region;
    private readonly Uri ec2Endpoint;
    private readonly Uri kmsEndpoint;
    private readonly Uri logsEndpoint;
    private readonly Uri iamEndpoint;

    /// <summary>
    /// Creates the reader; <paramref name="endpoints"/> gives a service's own endpoint by its SDK id (<c>KMS</c>,
    /// <c>CLOUDWATCH_LOGS</c>, <c>IAM</c>) over the options' default; <paramref name="handler"/> replaces the HTTP transport (tests).
    /// </summary>
    public ExecAccountClient(AwsClientOptions options, IReadOnlyDictionary<string, Uri>? endpoints = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        static AccountReadException Error(string operation, string code, string message, HttpStatusCode? status, Exception? inner) => new(operation, code, message, status, inner);
        kms = new AwsJsonTransport(options, "kms", "TrentService.", Error, handler);
        logs = new AwsJsonTransport(options, "logs", "Logs_20140328.", Error, handler);
        var (iamRegion, iamHost) = IamEndpoint(options.Region);
        var iamOptions = new AwsClientOptions
        {
            Region = iamRegion,
            Credentials = options.Credentials,
            EndpointUrl = options.EndpointUrl ?? new Uri($"https://{iamHost}/"),
            MaxAttempts = options.MaxAttempts,
            BaseBackoff = options.BaseBackoff,
            MaxBackoff = options.MaxBackoff,
            CallTimeout = options.CallTimeout,
            MaxPages = options.MaxPages,
        };
        iam = new AwsQueryTransport(iamOptions, "iam", "2010-05-08", Error, handler);
        ec2 = new AwsQueryTransport(options, "ec2", "2016-11-15", Error, handler, resultWrapper: false);
        s3 = new AwsTransport(options, "s3", Error, handler);
        s3Endpoint = endpoints?.GetValueOrDefault("S3") ?? options.EndpointUrl;
        region = options.Region;
        ec2Endpoint = endpoints?.GetValueOrDefault("EC2") ?? ec2.Endpoint("ec2");
        kmsEndpoint = endpoints?.GetValueOrDefault("KMS") ?? kms.Endpoint("kms");
        logsEndpoint = endpoints?.GetValueOrDefault("CLOUDWATCH_LOGS") ?? logs.Endpoint("logs");
        iamEndpoint = endpoints?.GetValueOrDefault("IAM") ?? iam.Endpoint("iam");
    }

    /// <summary>How many HTTP requests the reader has sent, retries included.</summary>
    public int RequestCount => kms.RequestCount + logs.RequestCount + iam.RequestCount + ec2.RequestCount + s3.RequestCount;

    /// <summary>IAM's signing Region and host for the partition of <paramref name="region"/> (IAM is global per partition).</summary>
    public static (string Region, string Host) IamEndpoint(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith("cn-", StringComparison.Ordinal) ? ("cn-north-1", "iam.cn-north-1.amazonaws.com.cn")
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? ("us-gov-west-1", "iam.us-gov.amazonaws.com")
            : ("us-east-1", "iam.amazonaws.com");
    }

    /// <inheritdoc />
    public async Task<KmsKeyInfo> DescribeKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        const string Operation = "DescribeKey";
        var answer = await kms.SendAsync(Operation, new JsonObject { ["KeyId"] = keyId }, kmsEndpoint, cancellationToken).ConfigureAwait(false);
        return kms.Shaped(Operation, answer, a =>
        {
            var metadata = UntrustedJson.Object(a["KeyMetadata"], Operation, "KeyMetadata")!;
            return new KmsKeyInfo(UntrustedJson.String(metadata["Arn"], Operation, "KeyMetadata.Arn") ?? keyId, UntrustedJson.String(metadata["KeyState"], Operation, "KeyMetadata.KeyState"));
        });
    }

    /// <inheritdoc />
    public async Task<LogGroupInfo?> DescribeLogGroupAsync(string name, CancellationToken cancellationToken)
    {
        const string Operation = "DescribeLogGroups";
        await foreach (var page in logs.PageObjectsAsync(Operation, new JsonObject { ["logGroupNamePrefix"] = name, ["limit"] = 50 }, "nextToken", logsEndpoint, cancellationToken).ConfigureAwait(false))
        {
            var found = logs.Shaped(Operation, page, p => AwsJsonTransport.Items(p, "logGroups", Operation)
                .Select(g => new LogGroupInfo(UntrustedJson.String(g["logGroupName"], Operation, "logGroupName") ?? string.Empty, UntrustedJson.String(g["kmsKeyId"], Operation, "kmsKeyId")))
                .FirstOrDefault(g => g.Name == name));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken)
    {
        // Virtual-hosted style on AWS; path style on a custom endpoint (a local peer has no per-bucket host names).
        var target = s3Endpoint is null
            ? new Uri($"https://{bucket}.s3.{region}.{AwsTransport.DnsSuffix(Amazon.RegionEndpoint.GetBySystemName(region))}/")
            : new Uri(s3Endpoint, Uri.EscapeDataString(bucket));
        try
        {
            await s3.SendAsync("HeadBucket", new AwsRequestBody([], string.Empty, []) { Method = HttpMethod.Head }, (status, _, _) => (status == HttpStatusCode.NotFound ? "NoSuchBucket" : $"Http{(int)status}", status == HttpStatusCode.Forbidden ? "access denied (the bucket may exist)" : null), target, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AccountReadException e) when (e.Code == "NoSuchBucket")
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<SubnetRoute> DescribeSubnetRouteAsync(string subnetId, CancellationToken cancellationToken)
    {
        const string Subnets = "DescribeSubnets";
        var subnet = await ec2.SendAsync(Subnets, [("SubnetId.1", subnetId)], ec2Endpoint, cancellationToken).ConfigureAwait(false);
        var vpcId = ec2.Shaped(Subnets, subnet, r => UntrustedXml.Children(UntrustedXml.Child(r, "subnetSet", Subnets), "item").Select(i => UntrustedXml.Text(i, "vpcId", Subnets)).FirstOrDefault())
            ?? throw new AccountReadException(Subnets, "InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        var own = await DefaultRouteAsync([("Filter.1.Name", "association.subnet-id"), ("Filter.1.Value.1", subnetId)], cancellationToken).ConfigureAwait(false);
        var route = own.Found ? own.Target : (await DefaultRouteAsync([("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpcId), ("Filter.2.Name", "association.main"), ("Filter.2.Value.1", "true")], cancellationToken).ConfigureAwait(false)).Target;
        return new SubnetRoute(subnetId, vpcId, route);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> AvailableVpcEndpointsAsync(string vpcId, string serviceName, CancellationToken cancellationToken)
    {
        const string Operation = "DescribeVpcEndpoints";
        var answer = await ec2.SendAsync(Operation, [("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpcId), ("Filter.2.Name", "service-name"), ("Filter.2.Value.1", serviceName)], ec2Endpoint, cancellationToken).ConfigureAwait(false);
        return ec2.Shaped(Operation, answer, r => UntrustedXml.Children(UntrustedXml.Child(r, "vpcEndpointSet", Operation), "item")
            .Where(i => UntrustedXml.Text(i, "state", Operation) is "available" or "Available")
            .Select(i => UntrustedXml.Text(i, "vpcEndpointId", Operation) ?? "?").ToList());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SimulatedDecision>> SimulatePrincipalPolicyAsync(string principalArn, IReadOnlyList<string> actions, string? resourceArn, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? context = null)
    {
        const string Operation = "SimulatePrincipalPolicy";
        ArgumentNullException.ThrowIfNull(actions);
        var parameters = new List<(string Name, string Value)> { ("PolicySourceArn", principalArn) };
        parameters.AddRange(actions.Select((a, i) => ($"ActionNames.member.{i + 1}", a)));
        if (resourceArn is not null)
        {
            parameters.Add(("ResourceArns.member.1", resourceArn));
        }

        foreach (var (entry, i) in (context ?? new Dictionary<string, string>()).OrderBy(c => c.Key, StringComparer.Ordinal).Select((c, i) => (c, i + 1)))
        {
            parameters.Add(($"ContextEntries.member.{i}.ContextKeyName", entry.Key));
            parameters.Add(($"ContextEntries.member.{i}.ContextKeyType", "string"));
            parameters.Add(($"ContextEntries.member.{i}.ContextKeyValues.member.1", entry.Value));
        }

        var decisions = new List<SimulatedDecision>();
        string? marker = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await iam.SendAsync(Operation, marker is null ? parameters : [.. parameters, ("Marker", marker)], iamEndpoint, cancellationToken).ConfigureAwait(false);
            var (found, truncated, next) = iam.Shaped(Operation, result, r => (
                UntrustedXml.Children(UntrustedXml.Child(r, "EvaluationResults", Operation), "member")
                    .Select(m => new SimulatedDecision(UntrustedXml.Text(m, "EvalActionName", Operation) ?? "?", UntrustedXml.Text(m, "EvalDecision", Operation) ?? "?")).ToList(),
                UntrustedXml.Text(r, "IsTruncated", Operation) == "true",
                UntrustedXml.Text(r, "Marker", Operation)));
            decisions.AddRange(found);
            if (!truncated || string.IsNullOrEmpty(next))
            {
                return decisions;
            }

            if (next == marker)
            {
                throw new AccountReadException(Operation, "PaginationLoop", "the endpoint returned the same Marker twice");
            }

            marker = next;
        }

        throw new AccountReadException(Operation, "PaginationLoop", "the endpoint kept returning IsTruncated after 100 pages");
    }

    /// <summary>The route tables <paramref name="filters"/> select: whether there is one, and the target of its 0.0.0.0/0 route (null without one).</summary>
    private async Task<(bool Found, string? Target)> DefaultRouteAsync(IReadOnlyList<(string Name, string Value)> filters, CancellationToken cancellationToken)
    {
        const string Operation = "DescribeRouteTables";
        var answer = await ec2.SendAsync(Operation, filters, ec2Endpoint, cancellationToken).ConfigureAwait(false);
        return ec2.Shaped(Operation, answer, r =>
        {
            var tables = UntrustedXml.Children(UntrustedXml.Child(r, "routeTableSet", Operation), "item").ToList();
            var target = tables
                .SelectMany(t => UntrustedXml.Children(UntrustedXml.Child(t, "routeSet", Operation), "item"))
                .Where(route => UntrustedXml.Text(route, "destinationCidrBlock", Operation) == "0.0.0.0/0" && UntrustedXml.Text(route, "state", Operation) is null or "active")
                .Select(route => new[] { "natGatewayId", "gatewayId", "transitGatewayId", "networkInterfaceId", "instanceId", "vpcPeeringConnectionId" }.Select(n => UntrustedXml.Text(route, n, Operation)).FirstOrDefault(v => !string.IsNullOrEmpty(v)))
                .FirstOrDefault(t => t is not null);
            return (tables.Count > 0, target);
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        s3.Dispose();
        ec2.Dispose();
        kms.Dispose();
        logs.Dispose();
        iam.Dispose();
    }
}
