using System.Net.Http.Headers;

namespace FuncAuth.EndToEndTests.Api;

/// <summary>Content of unknown length: HttpClient sends it with <c>Transfer-Encoding: chunked</c> and no Content-Length.</summary>
public sealed class NonSeekableStreamContent : HttpContent
{
    private readonly byte[] _bytes;

    public NonSeekableStreamContent(byte[] bytes, string contentType)
    {
        _bytes = bytes;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        // Several writes, so the body really goes out as more than one chunk.
        for (var offset = 0; offset < _bytes.Length; offset += 4096)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(4096, _bytes.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
