namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>A reason not to start that the user can act on; printed as one line, without a stack trace.</summary>
public sealed class GatewayStartupException(string message) : Exception(message);
