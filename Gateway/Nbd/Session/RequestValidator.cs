using ClusterRamDisk.Gateway.Nbd.Protocol;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>The checks every request passes before it reaches the device, with the errors the spec prescribes.</summary>
internal static class RequestValidator
{
    /// <returns><see cref="NbdError.None"/> for a request that may run, else the error to reply with.</returns>
    public static NbdError Validate(in NbdRequest request, long exportSize, bool readOnly, NegotiatedOptions negotiated, out string message)
    {
        if (!TryGetAllowedFlags(request.Command, negotiated, out var allowedFlags))
        {
            message = "unknown command";
            return NbdError.InvalidArgument;
        }
        if ((request.Flags & ~allowedFlags) != 0)
        {
            message = "flag not valid for this command";
            return NbdError.InvalidArgument;
        }
        if (readOnly && request.Command is NbdCommand.Write or NbdCommand.Trim or NbdCommand.WriteZeroes)
        {
            message = "export is read-only";
            return NbdError.PermissionDenied;
        }
        if (request.Command is NbdCommand.Read or NbdCommand.Write && request.Length > NbdLimits.MaximumPayload)
        {
            message = "request exceeds the maximum payload size";
            return NbdError.InvalidArgument;
        }
        if (request.Command is NbdCommand.Read or NbdCommand.Write or NbdCommand.Trim or NbdCommand.Cache or NbdCommand.WriteZeroes or NbdCommand.BlockStatus
            && (request.Offset > (ulong)exportSize || request.Length > (ulong)exportSize - request.Offset))
        {
            message = "request is beyond the end of the export";
            return request.Command is NbdCommand.Write or NbdCommand.WriteZeroes ? NbdError.NoSpace : NbdError.InvalidArgument;
        }
        if (request.Command == NbdCommand.BlockStatus)
        {
            if (!negotiated.BaseAllocation)
            {
                message = "no meta context was negotiated";
                return NbdError.InvalidArgument;
            }
            // A reply must hold at least one descriptor, which an empty range cannot have.
            if (request.Length == 0)
            {
                message = "empty block status request";
                return NbdError.InvalidArgument;
            }
        }
        message = "";
        return NbdError.None;
    }

    private static bool TryGetAllowedFlags(NbdCommand command, NegotiatedOptions negotiated, out CommandFlags allowed)
    {
        allowed = command switch
        {
            NbdCommand.Read => negotiated.StructuredReplies ? CommandFlags.DontFragment : CommandFlags.None,
            NbdCommand.Write or NbdCommand.Trim => CommandFlags.Fua,
            NbdCommand.WriteZeroes => CommandFlags.Fua | CommandFlags.NoHole | CommandFlags.FastZero,
            NbdCommand.BlockStatus => CommandFlags.RequestOne,
            _ => CommandFlags.None,
        };
        return command is >= NbdCommand.Read and <= NbdCommand.BlockStatus;
    }
}
