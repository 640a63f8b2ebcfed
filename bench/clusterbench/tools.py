"""Running the external client tools (nbdcopy, nbdinfo, fio) and reporting their failures readably."""
import contextlib
import os
import signal
import subprocess


class ToolFailed(RuntimeError):
    pass


def run_quietly(command: list[str]) -> str:
    """Runs a command to completion and returns its stdout; raises ToolFailed with its stderr otherwise.
    The command gets its own process group so that an interrupt also ends the workers it forked (fio's jobs)."""
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, start_new_session=True) as process:
        try:
            stdout, stderr = process.communicate()
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
    if process.returncode != 0:
        raise ToolFailed(f"{' '.join(command)} failed with status {process.returncode}:\n{stderr.strip()}")
    return stdout


def first_line_of(command: list[str]) -> str:
    """A tool's version banner, or a note that it could not be run."""
    try:
        return run_quietly(command).strip().splitlines()[0]
    except (OSError, ToolFailed, IndexError):
        return "unavailable"
