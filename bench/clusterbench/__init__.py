"""Side-by-side benchmark of `nbdkit memory` and ClusterRamDisk over loopback NBD."""
