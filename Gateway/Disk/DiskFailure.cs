using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>Turns what the grains report into the disk's own errors, which the NBD session answers with ENOSPC or EIO.</summary>
internal static class DiskFailure
{
    /// <returns>The disk error to throw instead, or null for a failure with no meaning to the disk (answered as EIO anyway).</returns>
    public static DiskException? Translate(Exception exception) => exception switch
    {
        DiskFullException full => new DiskException(DiskError.NoSpace, full.Message, full),
        DirectoryLostException lost => new DiskException(DiskError.IoError, lost.Message, lost),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
            new DiskException(DiskError.IoError, $"a silo holding the disk did not answer: {exception.Message}", exception),
        _ => null,
    };

    /// <summary>Awaits <paramref name="operation"/>, throwing the disk's own error for a failure that has one.</summary>
    public static async ValueTask<T> Translated<T>(ValueTask<T> operation)
    {
        try
        {
            return await operation;
        }
        catch (Exception exception) when (Translate(exception) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc cref="Translated{T}(ValueTask{T})"/>
    public static async ValueTask Translated(ValueTask operation)
    {
        try
        {
            await operation;
        }
        catch (Exception exception) when (Translate(exception) is { } failure)
        {
            throw failure;
        }
    }
}
