using System;
using ImAdmin.Engine.Errors;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>What became of one item of a call.</summary>
    public enum ItemOutcome
    {
        /// <summary>The server did it; <see cref="ItemResult{T}.Value"/> holds the answer.</summary>
        Succeeded,

        /// <summary>The server refused it or never received it; nothing was done.</summary>
        Failed,

        /// <summary>The answer was lost after the request may have reached the server: the call may have acted.</summary>
        Unknown,
    }

    /// <summary>
    /// The one shape of a per-item outcome, for every provider and every operation: the input it belongs to, and
    /// either the value or the error. A cmdlet turns it into an output object or an error record whose TargetObject is
    /// the input's pipeline row; the engine never knows about rows.
    /// </summary>
    public sealed class ItemResult<T>
    {
        private ItemResult(object input, ItemOutcome outcome, T? value, ImException? error)
        {
            Input = input;
            Outcome = outcome;
            Value = value;
            Error = error;
        }

        /// <summary>The item asked for, as the caller gave it (a user id, a message id, a request).</summary>
        public object Input { get; }

        public ItemOutcome Outcome { get; }

        public T? Value { get; }

        /// <summary>Set unless <see cref="Outcome"/> is <see cref="ItemOutcome.Succeeded"/>.</summary>
        public ImException? Error { get; }

        public bool Succeeded => Outcome == ItemOutcome.Succeeded;

        public static ItemResult<T> Success(object input, T value) => new ItemResult<T>(input, ItemOutcome.Succeeded, value, null);

        public static ItemResult<T> Failure(object input, ImException error) =>
            new ItemResult<T>(input, ItemOutcome.Failed, default, error ?? throw new ArgumentNullException(nameof(error)));

        /// <summary>The call may have acted: the error says so, and a retry could do it twice.</summary>
        public static ItemResult<T> Unknown(object input, ImException error) =>
            new ItemResult<T>(input, ItemOutcome.Unknown, default, error ?? throw new ArgumentNullException(nameof(error)));

        /// <summary>Failed, or Unknown when <paramref name="error"/> says the call may have acted (<see cref="ImException.OutcomeUnknown"/>).</summary>
        public static ItemResult<T> Of(object input, ImException error) =>
            error.OutcomeUnknown ? Unknown(input, error) : Failure(input, error);

        public override string ToString() => Succeeded ? $"{Input}: {Value}" : $"{Input}: {Outcome}: {Error!.Message}";
    }
}
