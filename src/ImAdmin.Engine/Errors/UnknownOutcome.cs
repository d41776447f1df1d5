namespace ImAdmin.Engine.Errors
{
    /// <summary>The words every "outcome unknown" error ends with, so an admin reads the same advice everywhere.</summary>
    public static class UnknownOutcome
    {
        public const string Explanation =
            " The outcome is unknown: the server may or may not have carried the call out. Do not repeat it blindly (a repeat may act twice); " +
            "check first (see about_ImAdmin, \"Unknown outcomes\").";
    }
}
