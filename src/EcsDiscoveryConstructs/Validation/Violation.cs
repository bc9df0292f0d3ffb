namespace EcsDiscoveryConstructs.Validation;

/// <summary>One finding of a rule against one construct's props.</summary>
/// <param name="Subject">The property as the user wrote it, with its value, e.g. <c>DnsTtl 90 s</c>.</param>
/// <param name="Problem">What is wrong and what is allowed, e.g. <c>is out of range: use 0-2147483647 seconds</c>.</param>
/// <param name="Fix">What to do about it, as a sentence.</param>
internal sealed record Violation(string Subject, string Problem, string Fix);
