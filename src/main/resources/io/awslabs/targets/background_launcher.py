# Keeps an emulator running in the background between commands, detached from the terminal and
# from the command that started it (which may end, or be killed -9, at any time), and stops it
# once nobody has used it for a while: every command of the tool touches the idle file, and when
# the file is older than the idle limit, or is gone, or SIGTERM comes, the emulator's whole
# process group gets SIGTERM, then SIGKILL after a grace period. On the way out it removes the
# record that names this launcher and the emulator's state directory, if it was given one.
#
# argv: marker record-file idle-file idle-seconds state-dir|- -- command...
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

GRACE_SECONDS = 10
PR_SET_PDEATHSIG = 1

record_file, idle_file, idle_seconds, state_dir = sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
command = sys.argv[sys.argv.index("--") + 1:]

# a session of its own: no terminal, so neither Ctrl-C nor a closed terminal reaches the emulator
os.setsid()
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)


def die_with_this_launcher():
    # Linux only: should this launcher itself be killed -9, the kernel sends the emulator SIGTERM.
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except Exception:
        pass


emulator = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=sys.stdout, stderr=subprocess.STDOUT,
                            start_new_session=True, preexec_fn=die_with_this_launcher)
stop_asked = threading.Event()
signal.signal(signal.SIGTERM, lambda signum, frame: stop_asked.set())


def signal_group(sig):
    try:
        os.killpg(emulator.pid, sig)
    except ProcessLookupError:
        pass


def forget_this_launcher():
    try:
        with open(record_file) as f:
            mine = json.load(f).get("pid") == os.getpid()
    except (OSError, ValueError):
        return
    if mine:
        for path in (record_file, idle_file):
            try:
                os.remove(path)
            except OSError:
                pass


def idle_for():
    try:
        return time.time() - os.stat(idle_file).st_mtime
    except FileNotFoundError:
        return float("inf")


def stop(exit_code, why):
    print(f"background launcher: stopping the emulator: {why}", flush=True)
    if emulator.poll() is None:
        signal_group(signal.SIGTERM)
        try:
            emulator.wait(GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass
    # whatever the emulator started in its group and left running goes too
    signal_group(signal.SIGKILL)
    if state_dir != "-":
        shutil.rmtree(state_dir, ignore_errors=True)
    forget_this_launcher()
    sys.stdout.flush()
    os._exit(exit_code)


poll = max(0.2, min(30.0, idle_seconds / 10))
while not stop_asked.wait(poll):
    if emulator.poll() is not None:
        stop(1, f"it exited by itself (exit {emulator.returncode})")
    if idle_for() > idle_seconds:
        stop(0, f"no command for {idle_seconds:.0f} s")
stop(0, "asked to stop")
