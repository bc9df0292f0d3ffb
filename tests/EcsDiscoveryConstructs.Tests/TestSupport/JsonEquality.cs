using System.Text.Json;

namespace EcsDiscoveryConstructs.Tests.TestSupport;

/// <summary>Compares values resolved by CDK (dictionaries, arrays, strings) by their JSON text.</summary>
internal sealed class JsonEquality : IEqualityComparer<object?>
{
    public new bool Equals(object? x, object? y) => JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

    public int GetHashCode(object? obj) => JsonSerializer.Serialize(obj).GetHashCode(StringComparison.Ordinal);
}
