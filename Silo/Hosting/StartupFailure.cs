using System.Net.Sockets;
using StackExchange.Redis;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>Turns a start-up exception into the one line the user sees.</summary>
public static class StartupFailure
{
    public static string Describe(Exception exception)
    {
        var cause = exception;
        // Hosting and Orleans wrap the cause; the innermost exception says what the user can fix.
        while (cause is AggregateException { InnerExceptions.Count: 1 } || (cause.InnerException is not null && cause is not SocketException))
            cause = cause.InnerException!;
        var message = cause switch
        {
            SocketException socket => $"cannot listen: {socket.Message}",
            // StackExchange.Redis appends advice for its own API; the first sentence is what a user needs.
            RedisConnectionException redis => $"cannot reach Redis: {redis.Message.Split(". ")[0]}",
            _ => cause.Message,
        };
        return message.ReplaceLineEndings(" ");
    }
}
