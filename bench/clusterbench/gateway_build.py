"""Builds our gateway in Release so the benchmark never measures a stale or Debug build."""
import subprocess


def build_gateway(repository: str) -> None:
    completed = subprocess.run(
        ["dotnet", "build", "Gateway", "-c", "Release", "-nologo", "-v", "quiet"],
        cwd=repository, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if completed.returncode != 0:
        output = (completed.stdout + completed.stderr).strip().splitlines()
        raise RuntimeError("dotnet build Gateway -c Release failed:\n" + "\n".join(output[-30:]))
