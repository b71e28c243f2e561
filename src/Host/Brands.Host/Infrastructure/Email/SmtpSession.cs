using MailKit.Net.Smtp;
using MimeKit;

namespace Brands.Host.Infrastructure.Email;

/// <summary>One open SMTP connection, for the messages of one dispatch round.</summary>
internal sealed class SmtpSession(SmtpClient client) : IAsyncDisposable
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => await client.SendAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException)
        {
            // The messages are sent; a connection that does not close cleanly changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }
}
