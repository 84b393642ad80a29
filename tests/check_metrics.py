#!/usr/bin/python3
"""GET /metrics read by an independent parser (Debian's python3-prometheus-client), its
counters rising with requests, and refused to a non-loopback client without a token.

The non-loopback client is real: the server listens on 0.0.0.0 and the test connects to this
machine's own non-loopback address (the one a UDP socket would send from), so the server sees
that address as the client's, exactly as it would see a remote one. When the machine has no
such address the test, as root, adds one on a dummy interface (192.0.2.77, TEST-NET-1), and is
skipped otherwise. A trusted proxy's X-Forwarded-For path is covered by api_metrics_test.

usage: check_metrics.py --amity BINARY
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def local_address():
    """A non-loopback IPv4 address of this machine, or None."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent
            address = s.getsockname()[0]
            if not address.startswith("127."):
                return address
    except OSError:
        pass
    if os.geteuid() == 0 and subprocess.run(
            ["ip", "link", "add", "amitymetrics0", "type", "dummy"],
            capture_output=True).returncode == 0:
        subprocess.run(["ip", "addr", "add", "192.0.2.77/32", "dev", "amitymetrics0"], check=True)
        subprocess.run(["ip", "link", "set", "amitymetrics0", "up"], check=True)
        return "192.0.2.77"
    return None


def get(url, token=None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def scrape(base):
    status, text = get(base + "/metrics")
    assert status == 200, f"/metrics answered {status}: {text}"
    families = {family.name: family for family in text_string_to_metric_families(text)}
    return families


def value(families, family, sample_name, **labels):
    for sample in families[family].samples:
        if sample.name == sample_name and all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--amity", required=True)
    args = parser.parse_args()
    failures = []
    folder = tempfile.mkdtemp(prefix="amity-metrics-")
    db = os.path.join(folder, "amity.db")
    port = free_port()
    env = dict(os.environ, AMITY_DB=db, AMITY_LISTEN=f"0.0.0.0:{port}",
               AMITY_INITIAL_PASSWORD_FILE=os.path.join(folder, "password"),
               AMITY_BACKUP_DIR=folder)
    server = subprocess.Popen([args.amity, "serve"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    dummy = False
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        families = scrape(base)
        # prometheus_client names a counter family without its _total suffix.
        for family in ("amity_http_requests", "amity_http_request_duration_seconds",
                       "amity_http_open_connections", "amity_database_bytes", "amity_wal_bytes",
                       "amity_write_batch_size", "amity_translation_queue_texts",
                       "amity_last_backup_timestamp_seconds"):
            if family not in families:
                failures.append(f"no metric family {family}")
        kinds = {"amity_http_requests": "counter", "amity_http_request_duration_seconds":
                 "histogram", "amity_write_batch_size": "histogram",
                 "amity_http_open_connections": "gauge"}
        for family, kind in kinds.items():
            if family in families and families[family].type != kind:
                failures.append(f"{family} is a {families[family].type}, not a {kind}")
        health = dict(method="GET", route="/healthz", status="200")
        before = value(families, "amity_http_requests", "amity_http_requests_total", **health)
        for _ in range(5):
            get(base + "/healthz")
        # A backup appears: its time is reported.
        with open(os.path.join(folder, "amity-20261206T000000Z.db"), "w") as f:
            f.write("x")
        families = scrape(base)
        after = value(families, "amity_http_requests", "amity_http_requests_total", **health)
        if before is None or after is None or after - before != 5:
            failures.append(f"GET /healthz 200 went from {before} to {after}, not up by 5")
        count = value(families, "amity_http_request_duration_seconds",
                      "amity_http_request_duration_seconds_count", method="GET", route="/healthz")
        infinite = value(families, "amity_http_request_duration_seconds",
                         "amity_http_request_duration_seconds_bucket", method="GET",
                         route="/healthz", le="+Inf")
        if not count or count != infinite or count < 6:
            failures.append(f"latency histogram of /healthz: count {count}, +Inf {infinite}")
        if not value(families, "amity_database_bytes", "amity_database_bytes"):
            failures.append("amity_database_bytes is 0")
        backup = value(families, "amity_last_backup_timestamp_seconds",
                       "amity_last_backup_timestamp_seconds")
        if not backup or abs(backup - time.time()) > 600:
            failures.append(f"amity_last_backup_timestamp_seconds is {backup}")

        address = local_address()
        dummy = address == "192.0.2.77"
        if address is None:
            print("SKIP the non-loopback check: no non-loopback address, and not root")
        else:
            remote = f"http://{address}:{port}"
            status, body = get(remote + "/metrics")
            print(f"from {address} without a token: {status}")
            if status != 401:
                failures.append(f"/metrics from {address} without a token answered {status}")
            if get(remote + "/healthz")[0] != 200:
                failures.append(f"{address} does not reach the server at all")
            token = subprocess.run([args.amity, "token", "add", "--db", db, "--email",
                                    "admin@localhost", "--name", "metrics"], check=True,
                                   capture_output=True, text=True).stdout
            token = token.strip().split()[-1]
            status, _ = get(remote + "/metrics", token)
            print(f"from {address} with an admin token: {status}")
            if status != 200:
                failures.append(f"/metrics from {address} with an admin token answered {status}")
    finally:
        server.terminate()
        server.wait(timeout=10)
        if dummy:
            subprocess.run(["ip", "link", "del", "amitymetrics0"], capture_output=True)
        subprocess.run(["rm", "-rf", folder])
    for failure in failures:
        print("FAIL:", failure)
    print("checked /metrics" if not failures else "")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
