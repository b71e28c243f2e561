namespace Brands.Host.Infrastructure.Email;

/// <summary>
/// The SMTP connection of one dispatch round, opened when the first message needs it. When opening fails, every
/// message of the round fails with the same error, without trying again (the server is down for all of them).
/// </summary>
internal sealed class LazySmtpConnection(SmtpMailSender sender, CancellationToken cancellationToken) : IAsyncDisposable
{
    private SmtpSession? _session;
    private Exception? _failure;

    public async Task<SmtpSession> GetAsync()
    {
        if (_session is not null)
        {
            return _session;
        }

        if (_failure is not null)
        {
            throw new IOException(_failure.Message, _failure);
        }

        try
        {
            return _session = await sender.ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _failure = e;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
