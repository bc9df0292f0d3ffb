using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static EcsDiscoveryConstructs.Tests.Properties.TemplateView;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// What CloudWatch, Lambda, EventBridge and EC2 accept for a canary's resources, written from their API references
/// independently of the library's rules: PutMetricAlarm's evaluation range (Period x EvaluationPeriods at most 604,800 s,
/// 86,400 s for periods under an hour; DatapointsToAlarm at most EvaluationPeriods), Lambda's Timeout (1-900) and
/// environment (4 KB as the JSON of the variables), a run that ends before the schedule starts the next, and security
/// group rules whose CIDR is an IPv4 or IPv6 address in canonical text with its prefix.
/// </summary>
internal static partial class CanaryAcceptance
{
    public static IEnumerable<string> Problems(TemplateView t)
    {
        foreach (var (id, p) in t.OfType("AWS::CloudWatch::Alarm"))
        {
            if (Num(p["Period"]) is { } period && Num(p["EvaluationPeriods"]) is { } periods && period * periods > (period < 3600 ? 86_400 : 604_800))
            {
                yield return $"{id}: {periods} evaluation periods of {period} s";
            }

            if (Num(p["DatapointsToAlarm"]) is { } datapoints && (datapoints < 1 || datapoints > (Num(p["EvaluationPeriods"]) ?? 1)))
            {
                yield return $"{id}: DatapointsToAlarm {datapoints}";
            }
        }

        var rates = t.OfType("AWS::Events::Rule").Select(r => Str(r.Properties["ScheduleExpression"])).OfType<string>()
            .Select(e => Rate().Match(e)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 60).ToList();
        foreach (var (id, p) in t.OfType("AWS::Lambda::Function"))
        {
            if (Num(p["Timeout"]) is { } timeout && (timeout is < 1 or > 900 || rates.Any(rate => timeout >= rate)))
            {
                yield return $"{id}: Timeout {timeout} s (1-900, shorter than the schedule's {string.Join("/", rates)} s)";
            }

            if (p["Environment"]?["Variables"] is JsonObject variables && variables.All(v => Str(v.Value) is not null)
                && JsonSerializer.Serialize(variables.ToDictionary(v => v.Key, v => Str(v.Value)), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Length > 4096)
            {
                yield return $"{id}: environment over 4 KB";
            }
        }

        foreach (var (id, p) in t.OfType("AWS::EC2::SecurityGroup"))
        {
            foreach (var rule in Objects(p["SecurityGroupEgress"]))
            {
                if (Str(rule["CidrIp"]) is { } v4 && !Cidr4().IsMatch(v4))
                {
                    yield return $"{id}: egress CidrIp '{v4}'";
                }

                if (Str(rule["CidrIpv6"]) is { } v6 && (v6.Split('/') is not [var address, var prefix] || !InstanceAcceptance.IsIpv6(address) || !int.TryParse(prefix, out var bits) || bits is < 0 or > 128))
                {
                    yield return $"{id}: egress CidrIpv6 '{v6}'";
                }
            }
        }
    }

    [GeneratedRegex(@"^rate\((\d+) minutes?\)\z")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/(3[0-2]|[12]?[0-9])\z")]
    private static partial Regex Cidr4();
}
