using System.Management.Automation;

namespace ImAdmin.Completion
{
    /// <summary>What the completers share: the typed word as a prefix pattern, and results quoted when needed.</summary>
    internal static class Completions
    {
        public static WildcardPattern Pattern(string? wordToComplete) =>
            new WildcardPattern(Unquote(wordToComplete) + "*", WildcardOptions.IgnoreCase);

        public static string Unquote(string? word) => (word ?? string.Empty).Trim('\'', '"');

        public static CompletionResult Result(string value, string toolTip) =>
            new CompletionResult(Quote(value), value, CompletionResultType.ParameterValue, toolTip);

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '|', '&' }) < 0
                ? value
                : "'" + value.Replace("'", "''") + "'";
    }
}
