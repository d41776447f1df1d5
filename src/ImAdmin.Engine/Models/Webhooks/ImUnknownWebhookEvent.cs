namespace ImAdmin.Engine.Models.Webhooks
{
    /// <summary>An event ImAdmin has no type for (a newer callback, or a shape it cannot recognise): the raw JSON, untouched.</summary>
    public sealed class ImUnknownWebhookEvent : ImWebhookEvent
    {
        /// <summary>The JSON exactly as received; use ConvertFrom-Json on it.</summary>
        public string Json { get; set; } = string.Empty;

        public override string ToString() => Json.Length <= 80 ? Json : Json.Substring(0, 80) + "...";
    }
}
