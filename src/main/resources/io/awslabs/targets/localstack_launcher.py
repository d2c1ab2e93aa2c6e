# Runs LocalStack's runtime as a child in a session of its own and ties its life to the JVM's:
# when this script's stdin closes (the JVM closed it, or died, even by kill -9) or it gets
# SIGTERM, the whole LocalStack process group gets SIGTERM, then SIGKILL after a grace period,
# so no LocalStack process or thread outlives the CLI. Ctrl-C is ignored here and does not reach
# LocalStack (its own session has no terminal): the JVM still needs it to tear down what it
# created before it stops us. A stop that was asked for also removes LocalStack's state
# directory (FILESYSTEM_ROOT), which a killed JVM cannot do.
import os
import shutil
import signal
import subprocess
import sys
import threading

GRACE_SECONDS = 10
PR_SET_PDEATHSIG = 1

signal.signal(signal.SIGINT, signal.SIG_IGN)


def die_with_this_launcher():
    # Linux only: should this launcher itself be killed -9, the kernel sends LocalStack SIGTERM.
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except Exception:
        pass


localstack = subprocess.Popen(
    [sys.executable, "-m", "localstack.runtime.main"],
    stdin=subprocess.DEVNULL,
    stdout=sys.stderr,
    stderr=subprocess.STDOUT,
    start_new_session=True,
    preexec_fn=die_with_this_launcher,
)
stopping = threading.Lock()


def signal_group(sig):
    try:
        os.killpg(localstack.pid, sig)
    except ProcessLookupError:
        pass


def stop(exit_code, remove_state):
    if not stopping.acquire(blocking=False):
        return
    if localstack.poll() is None:
        signal_group(signal.SIGTERM)
        try:
            localstack.wait(GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass
    # whatever LocalStack started in its group and left running goes too
    signal_group(signal.SIGKILL)
    if remove_state:
        shutil.rmtree(os.environ["FILESYSTEM_ROOT"], ignore_errors=True)
    sys.stderr.flush()
    os._exit(exit_code)


def exit_with_localstack():
    # LocalStack stopped on its own (it could not start): keep its log for the JVM to quote
    code = localstack.wait()
    stop(code if code > 0 else 1, remove_state=False)


signal.signal(signal.SIGTERM, lambda signum, frame: stop(0, remove_state=True))
threading.Thread(target=exit_with_localstack, daemon=True).start()
sys.stdin.read()
stop(0, remove_state=True)
