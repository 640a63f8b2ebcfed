namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>The peer sent bytes that are not NBD (a wrong magic): the connection cannot be resynchronised.</summary>
public sealed class NbdProtocolException(string message) : Exception(message);
