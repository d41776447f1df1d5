using System.Globalization;

namespace ImAdmin.Engine.Errors
{
    /// <summary>
    /// Checks on ids and text before anything is sent; each gives the error to report, or null when the value is fine.
    /// A lone UTF-16 surrogate cannot be encoded as UTF-8: the serializer would replace it with U+FFFD and the
    /// message would go to a different id, or carry different text.
    /// </summary>
    public static class InputCheck
    {
        /// <summary>An error when <paramref name="value"/> is given but empty or only white space.</summary>
        public static ImInputException? Blank(string? value, string parameterName, string what) =>
            value != null && value.Trim().Length == 0
                ? new ImInputException(parameterName, $"-{parameterName} is blank ('{value}'): {what} cannot be empty or white space. Give a real value, or leave -{parameterName} out.")
                : null;

        /// <summary>An error when <paramref name="value"/> holds a high surrogate without its low half, or a low one alone.</summary>
        public static ImInputException? LoneSurrogate(string? value, string parameterName)
        {
            var index = LoneSurrogateAt(value);
            return index < 0
                ? null
                : new ImInputException(parameterName,
                    $"-{parameterName} has a lone UTF-16 surrogate (U+{((int)value![index]).ToString("X4", CultureInfo.InvariantCulture)} at position {index}), which cannot be sent as UTF-8: " +
                    "it would arrive as U+FFFD, a different value. Fix the text's encoding (e.g. read the file with -Encoding utf8).");
        }

        /// <summary>The position of the first lone surrogate, or -1.</summary>
        public static int LoneSurrogateAt(string? value)
        {
            if (value == null) return -1;
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
                    else return i;
                }
                else if (char.IsLowSurrogate(value[i]))
                {
                    return i;
                }
            }
            return -1;
        }
    }
}
