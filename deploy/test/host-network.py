"""Reads a merged compose file on stdin and writes it without the port publishing of host-networked services:
Docker refuses published ports with host networking, and a compose override can only add list entries."""
import sys

import yaml

compose = yaml.safe_load(sys.stdin)
for service in compose["services"].values():
    if service.get("network_mode") == "host":
        service.pop("ports", None)
yaml.safe_dump(compose, sys.stdout, default_flow_style=False)
