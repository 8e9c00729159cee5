"""A real nginx (Debian's nginx-light) serving a built site on a loopback port, with the build's own
nginx-headers.conf included in its server block; everything it writes stays in a temporary folder."""
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time

CONFIG = """\
{user}worker_processes 1;
daemon off;
master_process on;
pid {temp}/nginx.pid;
error_log {temp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log {temp}/access.log;
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        index index.html;
        include {headers};
    }}
}}
"""


def executable():
    """The nginx binary: on PATH, or where Debian puts it (outside a normal user's PATH)."""
    return shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def configuration(temp, port, root, headers=None):
    """Writes the server's configuration into `temp` and returns the command that runs nginx with it."""
    config = os.path.join(temp, "nginx.conf")
    with open(config, "w") as file:
        file.write(CONFIG.format(
            # As root, nginx's workers would drop to 'nobody', who cannot read a private temporary folder.
            user="user root;\n" if os.geteuid() == 0 else "",
            temp=temp, port=port, root=os.path.abspath(root), mime_types="/etc/nginx/mime.types",
            headers=os.path.abspath(headers or os.path.join(root, "nginx-headers.conf"))))
    # -e: the error log before the configuration is read (the default is under /var/log).
    return [executable(), "-p", temp, "-c", config, "-e", os.path.join(temp, "error.log")]


def messages(root, headers=None):
    """What `nginx -t` says of the configuration that includes `headers` (warnings included), without its lines
    that only report the test passing."""
    temp = tempfile.mkdtemp(prefix="checksheet-nginx-")
    try:
        check = subprocess.run(configuration(temp, free_port(), root, headers) + ["-t"], capture_output=True, text=True)
        return [line for line in check.stderr.splitlines() if "syntax is ok" not in line and "test is successful" not in line]
    finally:
        shutil.rmtree(temp, ignore_errors=True)


@contextlib.contextmanager
def serving(root, headers=None):
    """Runs nginx on 127.0.0.1 over `root`, including `headers` (default: the build's nginx-headers.conf);
    yields the base URL; stops nginx when the block ends, however it ends."""
    temp = tempfile.mkdtemp(prefix="checksheet-nginx-")
    process = None
    try:
        for attempt in range(3):
            port = free_port()
            command = configuration(temp, port, root, headers)
            check = subprocess.run(command + ["-t", "-q"], capture_output=True, text=True)
            if check.returncode != 0:
                raise RuntimeError(f"nginx rejects the configuration:\n{check.stderr}")
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if wait_for_port(port, process):
                break
            process.wait(timeout=10)
            process = None
        if process is None:
            raise RuntimeError("nginx did not start:\n" + open(os.path.join(temp, "error.log")).read())
        yield f"http://127.0.0.1:{port}"
    finally:
        if process is not None:
            process.terminate()  # SIGTERM: fast shutdown of the master and its worker
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                for child in children(process.pid):
                    os.kill(child, 9)
                process.kill()
                process.wait(timeout=10)
        shutil.rmtree(temp, ignore_errors=True)


def children(pid):
    """Process ids whose parent is `pid` (nginx's workers), read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as file:
                    if int(file.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def wait_for_port(port, process, seconds=10):
    """True once nginx accepts connections; False when it exited first (a port taken meanwhile, say)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.05)
    return False
