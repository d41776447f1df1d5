using System.Collections;
using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// Refuses an -Identity value (or any element of an array of them) that names no message, with the reader's message:
    /// which parameter, what is wrong, what to pass instead. Piped, only that object fails and the next one goes on.
    /// </summary>
    internal sealed class ValidateMessageIdentityAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var values = arguments is IEnumerable many && !(arguments is string) ? many : new[] { arguments };
            foreach (var value in values)
                if (value is ImMessagePipeBind { Error: { } error })
                    throw new ValidationMetadataException(error.Message, error);
        }
    }
}
