using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SyncHub.Pipeline;

namespace SyncHub.Host.Endpoints;

/// <summary>
/// The intake answer: <c>{id, number, duplicate, threaded, deadLetterReason}</c> (several records: <c>{items: [...]}</c>),
/// 201 when a ticket was created, 200 otherwise.
/// </summary>
/// <remarks>
/// Written straight to the response with a <see cref="Utf8JsonWriter"/> kept per thread, with its Content-Length: every
/// webhook ends here. <c>Results.Json</c> had serialized through reflection (object-typed, so the slow polymorphic path),
/// answered chunked, and made a new logger from the logger factory on every execution (Serilog builds one, with its
/// caches, per call): about 1 KB and 4 us of CPU per request under load. The bytes are the same as the serializer's with the
/// host's JSON options (camelCase, nulls written, the relaxed encoder).
/// </remarks>
internal sealed class IntakeAnswer : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A thread keeps its buffer up to this size (a long dead-letter reason or many items make a new one).</summary>
    private const int MaxKeptBytes = 16 * 1024;

    /// <summary>
    /// As ASP.NET Core's HTTP JSON options write (which the hub keeps): the relaxed encoder, since the answer is a JSON
    /// response and never embedded in a page.
    /// </summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static Buffer? buffer;

    private readonly IReadOnlyList<IntakeResult> results;

    private IntakeAnswer(IReadOnlyList<IntakeResult> results, int status)
    {
        this.results = results;
        StatusCode = status;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => JsonContentType;

    public static IResult From(IReadOnlyList<IntakeResult> results, bool createdAs200 = false)
    {
        if (results.Count == 1 && results[0] is { Outcome: IntakeOutcome.DeadLettered } dead)
        {
            return Problems.Status(
                StatusCodes.Status422UnprocessableEntity,
                "Unprocessable record",
                $"the record was kept in the dead-letter list: {dead.Reason}");
        }

        var created = false;
        foreach (var result in results)
        {
            created |= result.Outcome == IntakeOutcome.Created;
        }

        return new IntakeAnswer(results, created && !createdAs200 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var json = buffer ??= new Buffer();
        try
        {
            Write(json.Writer, results);
            response.StatusCode = StatusCode;
            response.ContentType = JsonContentType;
            response.ContentLength = json.Bytes.WrittenCount;
            response.BodyWriter.Write(json.Bytes.WrittenSpan);
        }
        finally
        {
            json.Clear();
            if (json.Bytes.Capacity > MaxKeptBytes)
            {
                buffer = null;
            }
        }

        // No flush of its own: Kestrel sends what is written, headers and body in one write, when the request ends.
        return Task.CompletedTask;
    }

    /// <summary>The answer's JSON, for tests: the same bytes <see cref="ExecuteAsync"/> writes.</summary>
    internal static byte[] Json(IReadOnlyList<IntakeResult> results)
    {
        var bytes = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(bytes, Options))
        {
            Write(writer, results);
        }

        return bytes.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, IReadOnlyList<IntakeResult> results)
    {
        if (results.Count == 1)
        {
            Item(writer, results[0]);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items"u8);
            foreach (var result in results)
            {
                Item(writer, result);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.Flush();
    }

    /// <summary>One stored record, as <see cref="IntakeItem"/> (the type the API reference documents) serializes.</summary>
    private static void Item(Utf8JsonWriter writer, IntakeResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, result.TicketId);
        writer.WriteNumber("number"u8, result.Number);
        writer.WriteBoolean("duplicate"u8, result.Outcome is IntakeOutcome.Duplicate);
        writer.WriteBoolean("threaded"u8, result.Outcome is IntakeOutcome.Threaded);
        writer.WriteString("deadLetterReason"u8, result.Outcome is IntakeOutcome.DeadLettered ? result.Reason : null);
        writer.WriteEndObject();
    }

    /// <summary>A thread's JSON writer and its buffer, reused from answer to answer (written and copied out synchronously).</summary>
    private sealed class Buffer
    {
        public Buffer()
        {
            Writer = new Utf8JsonWriter(Bytes, Options);
        }

        public ArrayBufferWriter<byte> Bytes { get; } = new(256);

        public Utf8JsonWriter Writer { get; }

        public void Clear()
        {
            Bytes.ResetWrittenCount();
            Writer.Reset(Bytes);
        }
    }
}
