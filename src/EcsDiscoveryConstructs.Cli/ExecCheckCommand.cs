using System.CommandLine;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Exec;
using EcsDiscoveryConstructs.Verifier.Redaction;
using EcsDiscoveryConstructs.Verifier.Reports;

namespace EcsDiscoveryConstructs.Cli;

/// <summary><c>ecs-discovery exec-check</c>: whether ECS Exec works now for a service's tasks or one task.</summary>
internal static class ExecCheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var shared = new SharedOptions();
        var cluster = new Option<string>("--cluster") { HelpName = "name", Description = "The cluster (name or ARN).", Required = true };
        var service = new Option<string?>("--service") { HelpName = "name", Description = "Check every RUNNING task of this service." };
        var task = new Option<string?>("--task") { HelpName = "id", Description = "Check this task (id or ARN)." };
        var format = new Option<string>("--output") { Description = "table, json or junit.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "junit");
        var reportFile = new Option<string?>("--report-file") { HelpName = "path", Description = "Also write the report to this file." };
        var operatorRole = new Option<string?>("--operator-role") { HelpName = "arn", Description = "Also check that this role (e.g. the library's ExecOperatorRole) may exec into every container of the tasks." };
        var command = new Command("exec-check", "Check that ECS Exec works now: the cluster's exec configuration, its KMS key and log group, each task's enableExecuteCommand, each container's ExecuteCommandAgent, the Fargate platform version, each subnet's route or VPC endpoints to Session Manager and the task role's permissions.") { cluster, service, task, format, reportFile, operatorRole };
        shared.AddAwsTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if ((parse.GetValue(service) is null) == (parse.GetValue(task) is null))
            {
                return Fail(error, "pass exactly one of --service and --task");
            }

            using var ecs = shared.CreateEcsReader(parse, error, "exec-check");
            using var account = ecs is null ? null : shared.CreateExecAccountReader(parse, error, "exec-check");
            if (ecs is null || account is null)
            {
                return ExitCodes.CannotRun;
            }

            VerificationReport report;
            try
            {
                report = await new ExecReadiness(ecs, account).CheckAsync(parse.GetValue(cluster)!, parse.GetValue(service), parse.GetValue(task), cancellationToken, parse.GetValue(operatorRole)).ConfigureAwait(false);
            }
            catch (EcsException e)
            {
                return Fail(error, e.IsRefusedCredentials || e.Code == "AccessDeniedException" ? $"the credentials were refused: {Redactor.Shown(e.Message)}" : Redactor.Shown(e.Message));
            }

            var formatted = ReportWriter.Format(report, parse.GetValue(format)!);
            output.Write(formatted);
            if (parse.GetValue(reportFile) is { } path && OutputFile.TryWrite(path, formatted) is { } problem)
            {
                return Fail(error, $"cannot write the report file: {problem}");
            }

            error.WriteLine($"ecs-discovery exec-check: {ReportWriter.Summary(report)} ({ecs.RequestCount + account.RequestCount} API requests)");
            return report.Passed ? ExitCodes.Success : ExitCodes.ChecksFailed;
        });
        return command;
    }

    private static int Fail(TextWriter error, string reason)
    {
        error.WriteLine($"ecs-discovery exec-check: {reason}");
        return ExitCodes.CannotRun;
    }
}
