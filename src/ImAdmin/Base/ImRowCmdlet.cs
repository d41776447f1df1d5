using System;
using System.Management.Automation;
using ImAdmin.Completion;
using ImAdmin.Engine.Errors;
using ImAdmin.Engine.Sessions;

namespace ImAdmin.Base
{
    /// <summary>
    /// A cmdlet that talks to a server and whose parameters bind from pipeline rows by property name. It keeps the whole
    /// row, so that a failed row's error record points at it and <c>$failed.TargetObject | Same-Cmdlet</c> re-runs
    /// exactly the failed rows. It stands beside <see cref="ImSessionCmdlet"/> (not below it) so that a domain base
    /// and its cmdlets stay within four levels of PSCmdlet.
    /// </summary>
    public abstract class ImRowCmdlet : ImCmdlet
    {
        /// <summary>
        /// The session to use, or its name; defaults to the last one Connect-ImServer created in this runspace.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [SessionTransformation]
        [ArgumentCompleter(typeof(SessionNameCompleter))]
        public ImSession? Session { get; set; }

        /// <summary>The whole pipeline row (bound for you); failed rows' error records point at it.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override ImSession? RequestedSession => Session;

        /// <summary>
        /// The row being processed: the pipeline object (the PSObject itself, since an Import-Csv row's columns live on
        /// the wrapper), or <paramref name="direct"/> when the parameters were given directly.
        /// </summary>
        protected internal object RowOr(object direct) => (object?)InputObject ?? direct;

        /// <summary>A plain string piped in (a line of Get-Content): it stands for the cmdlet's identity parameter.</summary>
        protected internal string? PipedText => InputObject?.BaseObject as string;

        /// <summary>
        /// The error for a row whose <paramref name="columns"/> (a parameter's name and aliases) hold a value that is
        /// not a defined <typeparamref name="TEnum"/>, e.g. ChannelType 'Gruop' or 99. PowerShell cannot bind such a
        /// value, and then binds the row without it, so the parameter's default would apply silently: the row would go
        /// to the wrong place. Null when the row has no such column, leaves it empty, or holds a valid value.
        /// </summary>
        protected ImInputException? InvalidEnumColumn<TEnum>(string parameterName, params string[] columns) where TEnum : struct, Enum
        {
            if (InputObject == null || InputObject.BaseObject is string) return null;
            // Checked on every row: no list of the names is made.
            for (var i = -1; i < columns.Length; i++)
            {
                var column = i < 0 ? parameterName : columns[i];
                var value = InputObject.Properties[column]?.Value;
                if (value is PSObject wrapped) value = wrapped.BaseObject;
                if (value == null || (value is string text && text.Trim().Length == 0)) continue;
                if (LanguagePrimitives.TryConvertTo<TEnum>(value, out var converted) && Enum.IsDefined(typeof(TEnum), converted)) continue;
                return new ImInputException(parameterName,
                    $"The row's {column} column is '{value}', which is not a {typeof(TEnum).Name}; the row was not sent. " +
                    $"Use one of: {string.Join(", ", Enum.GetNames(typeof(TEnum)))}.");
            }
            return null;
        }
    }
}
