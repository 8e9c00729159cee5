#!/usr/bin/env python3
"""Edit-to-served latency of a running `checksheet serve`, for preview.sh.

    Benchmarks/edit_latency.py PORT PATH PAGE_FILE EDITS OUT

EDITS times: append a unique line to the item page PAGE_FILE, take the time just before the write,
and poll http://127.0.0.1:PORT/PATH until the page contains the line; then wait 0.25 s. The
latencies (ms, one a line, in edit order) go to OUT.

Polled over one keep-alive connection, 2 ms apart: a curl process per poll costs more than the
resolution wanted (targets of 100-150 ms) on a busy 2-core machine. Standard library only.
"""

import http.client
import sys
import time

DEADLINE_S = 30


def main():
    if len(sys.argv) != 6:
        sys.exit("usage: edit_latency.py PORT PATH PAGE_FILE EDITS OUT")
    port, path, page_file, edits, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    with open(page_file, encoding="utf-8") as f:
        original = f.read().rstrip("\n")
    connection = None

    def page():
        nonlocal connection
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", path)
            return connection.getresponse().read()
        except (OSError, http.client.HTTPException):
            if connection is not None:
                connection.close()
            connection = None
            return b""

    latencies = []
    for i in range(1, edits + 1):
        marker = f"bench-edit-{i}-{time.time_ns()}"
        start = time.perf_counter()
        with open(page_file, "w", encoding="utf-8") as f:
            f.write(f"{original}\n\n{marker}\n")
        while marker.encode() not in page():
            if time.perf_counter() - start > DEADLINE_S:
                sys.exit(f"edit {i} was not served within {DEADLINE_S} s")
            time.sleep(0.002)
        latencies.append(round((time.perf_counter() - start) * 1000))
        time.sleep(0.25)
    with open(out, "w") as f:
        f.write("".join(f"{v}\n" for v in latencies))


if __name__ == "__main__":
    main()
