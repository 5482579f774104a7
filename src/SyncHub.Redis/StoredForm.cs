using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using SyncHub.Domain;

namespace SyncHub.Redis;

/// <summary>
/// How the store keeps a ticket's JSON (the <c>json</c> field of its hash) and a history list element: plain JSON, or,
/// once the JSON is <see cref="RedisStoreOptions.CompressFrom"/> bytes or longer, a header and the JSON Brotli-compressed.
/// The header is a 0x00 byte (no JSON text starts with it), the format version (<see cref="Brotli"/>) and the JSON's
/// length in bytes as an unsigned LEB128 varint. A history element holds one entry (a JSON object) or several that
/// were written together (a JSON array). Readers accept every form, so what was stored before compression existed, or
/// with it off, reads as it always did. No Lua script looks inside these values.
/// </summary>
internal static class StoredForm
{
    /// <summary>The first byte of a compressed value.</summary>
    public const byte Marker = 0x00;

    /// <summary>The format version after the marker: Brotli, the JSON's length before the compressed bytes.</summary>
    public const byte Brotli = 1;

    /// <summary>
    /// Brotli quality 2: on a ticket with a 1 KB body about half the JSON's size in about 15 us; quality 5 saves
    /// another 14 % for three times the CPU (bench/README.md).
    /// </summary>
    private const int Quality = 2;

    /// <summary>A 64 KB window: larger than nearly every ticket, and small for the decoder to allocate.</summary>
    private const int Window = 16;

    /// <summary>Marker, version and a varint of up to 5 bytes.</summary>
    private const int MaxHeader = 7;

    /// <summary>The longest string Redis holds: a longer stated length is a damaged value, not a size to allocate.</summary>
    private const int MaxJson = 512 * 1024 * 1024;

    /// <summary>Whether JSON of <paramref name="length"/> bytes is stored compressed under the setting <paramref name="compressFrom"/> (0: never).</summary>
    public static bool Compresses(int length, int compressFrom) => compressFrom > 0 && length >= compressFrom;

    /// <summary>The most bytes <see cref="Compress"/> writes for JSON of <paramref name="length"/> bytes.</summary>
    public static int MaxCompressedLength(int length) => MaxHeader + BrotliEncoder.GetMaxCompressedLength(length);

    public static bool IsCompressed(ReadOnlySpan<byte> stored) => stored.Length > 0 && stored[0] == Marker;

    /// <summary>
    /// Writes the compressed form of <paramref name="json"/> to <paramref name="destination"/> (at least
    /// <see cref="MaxCompressedLength"/> long); returns its length, or 0 when it would not be shorter than the JSON.
    /// </summary>
    public static int Compress(ReadOnlySpan<byte> json, Span<byte> destination)
    {
        destination[0] = Marker;
        destination[1] = Brotli;
        var header = 2;
        for (var rest = (uint)json.Length; ; rest >>= 7)
        {
            if (rest < 0x80)
            {
                destination[header++] = (byte)rest;
                break;
            }

            destination[header++] = (byte)(rest | 0x80);
        }

        if (!BrotliEncoder.TryCompress(json, destination[header..], out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress into its own maximum length.");
        }

        return header + written < json.Length ? header + written : 0;
    }

    /// <summary>The ticket in a stored <c>json</c> field, plain or compressed.</summary>
    public static Ticket ReadTicket(byte[] stored) => Read(stored, static json => StoreJson.ReadTicket(json));

    /// <summary>The entries of a ticket's stored history list, oldest first; an element may hold several.</summary>
    public static HistoryEntry[] ReadHistory(IReadOnlyList<byte[]> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var entries = new List<HistoryEntry>(elements.Count + 3);
        foreach (var element in elements)
        {
            Read(element, json =>
            {
                if (json.Length > 0 && json[0] == (byte)'[')
                {
                    entries.AddRange(JsonSerializer.Deserialize<HistoryEntry[]>(json, StoreJson.Options)
                        ?? throw new JsonException("A stored history element is null."));
                }
                else
                {
                    entries.Add(StoreJson.ReadEntry(json));
                }

                return 0;
            });
        }

        return [.. entries];
    }

    /// <summary>The JSON of a stored value, handed to <paramref name="read"/> (plain: the value itself; compressed: expanded into a pooled array).</summary>
    private static T Read<T>(byte[] stored, JsonSpanReader<T> read)
    {
        if (!IsCompressed(stored))
        {
            return read(stored);
        }

        var (length, header) = Header(stored);
        var json = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            if (!BrotliDecoder.TryDecompress(stored.AsSpan(header), json.AsSpan(0, length), out var written) || written != length)
            {
                throw new JsonException("A stored compressed value does not expand to the length its header states.");
            }

            return read(json.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(json);
        }
    }

    /// <summary>The JSON length a compressed value's header states, and where the compressed bytes start.</summary>
    private static (int Length, int Header) Header(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < 3 || stored[1] != Brotli)
        {
            throw new JsonException($"A stored value starts with 0x00 but is not of a known compressed format (version {(stored.Length > 1 ? stored[1] : -1)}).");
        }

        long length = 0;
        for (var at = 2; at < stored.Length && at < MaxHeader; at++)
        {
            length |= (long)(stored[at] & 0x7F) << (7 * (at - 2));
            if ((stored[at] & 0x80) == 0)
            {
                return length <= MaxJson ? ((int)length, at + 1) : throw new JsonException("A stored compressed value states a length longer than Redis holds.");
            }
        }

        throw new JsonException("A stored compressed value has a damaged length.");
    }

    private delegate T JsonSpanReader<out T>(ReadOnlySpan<byte> json);
}
