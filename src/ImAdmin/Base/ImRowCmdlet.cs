using System;
using System.Linq;
using System.Management.Automation;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Base
{
    /// <summary>
    /// A cmdlet whose parameters bind from pipeline rows by property name. It keeps the whole row, so that a failed
    /// row's error record points at it and <c>$failed.TargetObject | Same-Cmdlet</c> re-runs exactly the failed rows.
    /// </summary>
    public abstract class ImRowCmdlet : ImSessionCmdlet
    {
        /// <summary>The whole pipeline row (bound for you); failed rows' error records point at it.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>
        /// The row being processed: the pipeline object (the PSObject itself, since an Import-Csv row's columns live on
        /// the wrapper), or <paramref name="direct"/> when the parameters were given directly.
        /// </summary>
        protected object RowOr(object direct) => (object?)InputObject ?? direct;

        /// <summary>
        /// The error for a row whose <paramref name="columns"/> (a parameter's name and aliases) hold a value that is
        /// not a defined <typeparamref name="TEnum"/>, e.g. ChannelType 'Gruop' or 99. PowerShell cannot bind such a
        /// value, and then binds the row without it, so the parameter's default would apply silently: the row would go
        /// to the wrong place. Null when the row has no such column, leaves it empty, or holds a valid value.
        /// </summary>
        protected ImInputException? InvalidEnumColumn<TEnum>(string parameterName, params string[] columns) where TEnum : struct, Enum
        {
            if (InputObject == null || InputObject.BaseObject is string) return null;
            foreach (var column in new[] { parameterName }.Concat(columns))
            {
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
