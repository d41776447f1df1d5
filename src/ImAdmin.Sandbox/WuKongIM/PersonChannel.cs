using System.Text;

namespace ImAdmin.Sandbox.WuKongIM;

/// <summary>
/// Person-channel ids (see docs/server-behaviour/wukongim.md, 'Person channels'): the stored id of A and B's 1:1 channel is <c>A@B</c> or <c>B@A</c>, the uid with
/// the larger CRC32 (IEEE, of its UTF-8 bytes) first; equal hashes fall back to the larger string.
/// </summary>
public static class PersonChannel
{
    private static readonly uint[] Table = BuildTable();

    public static string InternalId(string uidA, string uidB)
    {
        var (ha, hb) = (Crc32(uidA), Crc32(uidB));
        var aFirst = ha != hb ? ha > hb : string.CompareOrdinal(uidA, uidB) >= 0;
        return aFirst ? uidA + "@" + uidB : uidB + "@" + uidA;
    }

    public static uint Crc32(string text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.UTF8.GetBytes(text)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>IDs must not contain the characters the server reserves for internal ids.</summary>
    public static bool HasSpecialChar(string id) => id.IndexOfAny(['@', '#', '&']) >= 0;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
