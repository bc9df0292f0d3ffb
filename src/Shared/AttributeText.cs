using System.Text.RegularExpressions;

namespace EcsDiscoveryConstructs.Shared;

/// <summary>
/// Cloud Map attribute keys and values as RegisterInstance accepts them (the API model's <c>AttrKey</c> and <c>AttrValue</c>
/// shapes): a key is 1-255 printable ASCII characters; a value is at most 1,024 printable ASCII characters, spaces and tabs,
/// not starting with a space or tab.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html (Attributes: key "Maximum length of 255",
/// "Pattern: ^[a-zA-Z0-9!-~]+$"; value "Maximum length of 1024", "Pattern: ^([a-zA-Z0-9!-~][ \ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$").</remarks>
internal static partial class AttributeText
{
    /// <summary>The longest key.</summary>
    public const int MaxKeyLength = 255;

    /// <summary>The longest value.</summary>
    public const int MaxValueLength = 1024;

    /// <summary>True when <paramref name="key"/> is a key RegisterInstance accepts.</summary>
    public static bool IsKey(string? key) => key is { Length: > 0 and <= MaxKeyLength } && Key().IsMatch(key);

    /// <summary>True when <paramref name="value"/> is a value RegisterInstance accepts.</summary>
    public static bool IsValue(string? value) => value is { Length: <= MaxValueLength } && Value().IsMatch(value);

    [GeneratedRegex(@"^[!-~]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex(@"^([!-~][ \t!-~]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Value();
}
