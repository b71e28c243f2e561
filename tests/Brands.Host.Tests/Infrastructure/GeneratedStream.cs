namespace Brands.Host.Tests.Infrastructure;

/// <summary>A read-only stream of <paramref name="length"/> bytes of XML-ish filler, produced on demand (never held in memory).</summary>
public sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    /// <summary>How many bytes the reader (the HTTP client) has taken so far.</summary>
    public long BytesRead => Interlocked.Read(ref _position);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        buffer.AsSpan(offset, n).Fill((byte)'x');
        Interlocked.Add(ref _position, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
