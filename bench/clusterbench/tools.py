"""Running the external client tools (nbdcopy, nbdinfo, fio) and reporting their failures readably."""
import subprocess


class ToolFailed(RuntimeError):
    pass


def run_quietly(command: list[str]) -> str:
    """Runs a command to completion and returns its stdout; raises ToolFailed with its stderr otherwise."""
    completed = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if completed.returncode != 0:
        raise ToolFailed(f"{' '.join(command)} failed with status {completed.returncode}:\n{completed.stderr.strip()}")
    return completed.stdout


def first_line_of(command: list[str]) -> str:
    """A tool's version banner, or a note that it could not be run."""
    try:
        return run_quietly(command).strip().splitlines()[0]
    except (OSError, ToolFailed, IndexError):
        return "unavailable"
