# Runs moto's threaded server on a free loopback port chosen by the OS, prints the port, and
# exits when its parent closes stdin (normal stop) or dies (kill -9): the emulator never
# outlives the CLI. Ctrl-C is ignored here because the parent still needs the emulator to
# tear down what it created before it stops us.
import os
import signal
import sys

signal.signal(signal.SIGINT, signal.SIG_IGN)

from moto.moto_server.threaded_moto_server import ThreadedMotoServer

server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
port = server.get_host_and_port()[1]
os.environ["MOTO_PORT"] = str(port)
print(f"LABS-MOTO-PORT {port}", flush=True)

sys.stdin.read()
os._exit(0)
