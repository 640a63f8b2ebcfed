"""Publishes our gateway in Release, as it is deployed (ReadyToRun code), so the benchmark never measures a stale or Debug build."""
import subprocess

PUBLISH_DIRECTORY = ".artifacts/bench/gateway"
GATEWAY_DLL = PUBLISH_DIRECTORY + "/ClusterRamDisk.Gateway.dll"
PUBLISH_COMMAND = ["dotnet", "publish", "Gateway", "-c", "Release", "-o", PUBLISH_DIRECTORY]
PUBLISH_DESCRIPTION = " ".join(PUBLISH_COMMAND)


def publish_gateway(repository: str) -> None:
    completed = subprocess.run(PUBLISH_COMMAND + ["-nologo", "-v", "quiet"], cwd=repository, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip().splitlines()
        raise RuntimeError(PUBLISH_DESCRIPTION + " failed:\n" + "\n".join(output[-30:]))
