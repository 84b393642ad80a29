#!/usr/bin/python3
"""Upgrades a database made by each earlier release to the current one.

tests/upgrade/<version>.sql is a dump (sqlite3 .dump) of the demo database as release <version>
made it (scripts/release-fixture.sh writes it when a release is cut). For each, this loads the
dump, runs `amity migrate`, and checks that the schema is the one a fresh database gets, that
every row of the release's tables is still there, that the installation keeps its id, and that
`amity serve` answers from the upgraded file.

usage: check_upgrade.py --amity BINARY --fixtures DIR
"""
import argparse
import glob
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request


def schema(path):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema "
                          "WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").fetchall()


def counts(path):
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'")]
        return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in tables}


def serve_and_list(amity, db_path):
    """The partnerships total GET /api/v1/partnerships answers from the upgraded file."""
    token = subprocess.run([amity, "token", "add", "--db", db_path, "--email", "admin@localhost",
                            "--name", "upgrade"], check=True, capture_output=True,
                           text=True).stdout.strip().split()[-1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([amity, "serve", "--db", db_path, "--listen", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/v1/partnerships",
                    headers={"Authorization": "Bearer " + token})
                with urllib.request.urlopen(request, timeout=5) as response:
                    return json.load(response)["total"]
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not answer")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--amity", required=True)
    parser.add_argument("--fixtures", required=True)
    args = parser.parse_args()
    fixtures = sorted(glob.glob(os.path.join(args.fixtures, "*.sql")))
    if not fixtures:
        print("FAIL: no release fixtures in", args.fixtures)
        return 1
    failures = []
    with tempfile.TemporaryDirectory(prefix="amity-upgrade-") as folder:
        fresh = os.path.join(folder, "fresh.db")
        subprocess.run([args.amity, "migrate", "--db", fresh], check=True, capture_output=True)
        for fixture in fixtures:
            release = os.path.basename(fixture)[:-4]
            old = os.path.join(folder, release + ".db")
            with open(fixture, encoding="utf-8") as f, sqlite3.connect(old) as db:
                db.executescript(f.read())
            with sqlite3.connect(old) as db:
                applied = [row[0] for row in db.execute(
                    "SELECT number FROM schema_migrations ORDER BY number")]
                instance = db.execute("SELECT id FROM instance"
                                      ).fetchone()
            before = counts(old)
            result = subprocess.run([args.amity, "migrate", "--db", old], capture_output=True,
                                    text=True)
            print(f"{release} (migrations up to {applied[-1] if applied else '?'}): "
                  f"{(result.stdout + result.stderr).strip() or 'already current'}")
            if result.returncode != 0:
                failures.append(f"{release}: amity migrate failed")
                continue
            if schema(old) != schema(fresh):
                failures.append(f"{release}: the upgraded schema differs from a fresh one")
            after = counts(old)
            for table, rows in before.items():
                if after.get(table, 0) < rows:
                    failures.append(f"{release}: {table} had {rows} rows, now {after.get(table)}")
            with sqlite3.connect(old) as db:
                if db.execute("SELECT id FROM instance"
                              ).fetchone() != instance:
                    failures.append(f"{release}: the instance id changed")
                if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    failures.append(f"{release}: integrity check failed")
            total = serve_and_list(args.amity, old)
            if total != before.get("partnerships") or not total:
                failures.append(f"{release}: the server lists {total} partnerships, "
                                f"the release had {before.get('partnerships')}")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
