namespace ImAdmin.Engine.Errors
{
    /// <summary>Bad input caught before anything is sent; names the parameter and says how to fix it.</summary>
    public sealed class ImInputException : ImException
    {
        public ImInputException(string parameterName, string message)
            : base(ImErrorKind.InvalidArgument, message)
        {
            ParameterName = parameterName;
        }
    }
}
