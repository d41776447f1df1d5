using System.Text.Json;

namespace ImAdmin.Sandbox.Tencent;

/// <summary>Number reads that answer false for a value of another JSON type (JsonElement's own throw there).</summary>
internal static class TencentJson
{
    public static bool TryInt32(this JsonElement value, out int result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out result);
    }

    public static bool TryUInt32(this JsonElement value, out uint result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out result);
    }

    public static bool TryInt64(this JsonElement value, out long result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out result);
    }

    public static bool TryUInt64(this JsonElement value, out ulong result)
    {
        result = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out result);
    }
}
