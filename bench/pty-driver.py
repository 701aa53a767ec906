#!/usr/bin/env python3
"""Runs a command in a real pseudo-terminal of a given size, for the benchmark.

usage: pty-driver.py COLUMNS ROWS COMMAND [ARG...]

Everything the command writes to the terminal is copied, byte for byte, to
our stdout, so the caller can count exactly what a terminal would receive.
Bytes written to our stdin are typed into the terminal (keys). When our stdin
closes, the command gets SIGTERM. The child's pid is announced on stderr as
"PID <n> <ms>" before anything else, with the wall-clock time of the fork in
epoch ms (Python itself takes a third of a second to start here, which is not
the command's), and its exit status as "EXIT <n>" at the end.
Only the standard library: it has to work on a fresh machine.
"""
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def main() -> int:
    if len(sys.argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    columns, rows = int(sys.argv[1]), int(sys.argv[2])
    argv = sys.argv[3:]
    forked_at = time.time() * 1000
    pid, master = pty.fork()
    if pid == 0:
        # The child: stdin is the terminal's slave side; size it before exec
        # so the first frame is drawn for the right size.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        try:
            os.execvp(argv[0], argv)
        except OSError as error:
            os.write(2, f"pty-driver: cannot run {argv[0]}: {error}\n".encode())
            os._exit(127)

    os.write(2, f"PID {pid} {forked_at:.1f}\n".encode())

    def forward(signum, _frame):
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)

    stdin_open = True
    while True:
        watch = [master] + ([0] if stdin_open else [])
        try:
            readable, _, _ = select.select(watch, [], [])
        except InterruptedError:
            continue
        if master in readable:
            try:
                data = os.read(master, 65536)
            except OSError as error:
                if error.errno == errno.EIO:  # the child closed the terminal
                    break
                raise
            if not data:
                break
            view = memoryview(data)
            while view:
                written = os.write(1, view)
                view = view[written:]
        if stdin_open and 0 in readable:
            keys = os.read(0, 4096)
            if keys:
                os.write(master, keys)
            else:
                stdin_open = False
                forward(signal.SIGTERM, None)

    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    os.write(2, f"EXIT {code}\n".encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
