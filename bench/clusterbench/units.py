"""Byte units shared by images, throughput and memory figures."""
MIB = 1 << 20
