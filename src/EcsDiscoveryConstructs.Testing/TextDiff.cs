using System.Text;

namespace EcsDiscoveryConstructs.Testing;

/// <summary>A small line diff (longest common subsequence) printed as unified-diff hunks.</summary>
internal static class TextDiff
{
    /// <summary>Returns <c>-</c>/<c>+</c> hunks with <paramref name="context"/> lines around each change; empty when equal.</summary>
    public static string Unified(string expected, string actual, int context = 3)
    {
        var a = expected.ReplaceLineEndings("\n").Split('\n');
        var b = actual.ReplaceLineEndings("\n").Split('\n');
        var ops = Diff(a, b);
        if (ops.All(o => o.Kind == ' '))
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - context);
            var end = i;
            while (end < ops.Count)
            {
                var nextChange = ops.FindIndex(end, o => o.Kind != ' ');
                if (nextChange < 0 || nextChange - end > 2 * context)
                {
                    break;
                }

                end = ops.FindIndex(nextChange, o => o.Kind == ' ');
                if (end < 0)
                {
                    end = ops.Count;
                }
            }

            var stop = Math.Min(ops.Count, end + context);
            output.Append("@@ expected line ").Append(ops[start].Line + 1).Append(" @@\n");
            for (var k = start; k < stop; k++)
            {
                output.Append(ops[k].Kind).Append(' ').Append(ops[k].Text).Append('\n');
            }

            i = stop;
        }

        return output.ToString();
    }

    private static List<(char Kind, string Text, int Line)> Diff(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var ops = new List<(char, string, int)>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                ops.Add((' ', a[i], i));
                i++;
                j++;
            }
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                ops.Add(('-', a[i], i));
                i++;
            }
            else
            {
                ops.Add(('+', b[j], i));
                j++;
            }
        }

        return ops;
    }
}
