using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// Reads the CDK from inside synthesis (an aspect, which the jsii kernel calls back into .NET) in slices, each in a
/// callback of its own. The kernel answers every request made during one callback one level deeper in its own call
/// stack (its KernelHost's completeCallback → processRequest → next loop), so one callback that makes about 3,000
/// requests ends the kernel process ("RangeError: Maximum call stack size exceeded", then "Child process exited
/// unexpectedly"). The stack unwinds when a callback returns: reads made in nested callbacks of
/// <see cref="SliceSize"/> items each cost the outer callback a few requests per slice, whatever the app's size.
/// </summary>
internal static class CallbackSlices
{
    /// <summary>Items read per nested callback: at a dozen requests per item, well under the kernel's limit.</summary>
    public const int SliceSize = 50;

    /// <summary><paramref name="read"/> of each item, in order, each slice read inside a resolution of <paramref name="stack"/>.</summary>
    public static List<TResult> Map<T, TResult>(Stack stack, IReadOnlyList<T> items, Func<T, TResult> read)
    {
        var results = new List<TResult>(items.Count);
        for (var start = 0; start < items.Count; start += SliceSize)
        {
            var slice = items.Skip(start).Take(SliceSize).ToList();
            _ = stack.Resolve(Lazy.UncachedString(new Slice(() => results.AddRange(slice.Select(read)))));
        }

        return results;
    }

    /// <summary>A lazy string whose production runs the slice's reads (in a callback of its own) and gives an empty string.</summary>
    private sealed class Slice(Action reads) : DeputyBase, IStringProducer
    {
        public string Produce(IResolveContext context)
        {
            reads();
            return string.Empty;
        }
    }
}
