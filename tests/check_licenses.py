#!/usr/bin/python3
"""Fails when `amity licenses` leaves out a library the binary loads or a UI npm package.

Every library `ldd AMITY` lists (but the kernel's vDSO) must be named in the notices with the
Debian package that owns it, and that package's copyright file must be quoted; every production
package of ui/package-lock.json must be named with its version and licence text.

usage: check_licenses.py --amity BINARY --ui DIR
"""
import argparse
import json
import os
import re
import subprocess
import sys


def owner(path):
    for form in (path, os.path.realpath(path)):
        for candidate in (form, form[4:] if form.startswith("/usr/") else "/usr" + form):
            result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if result.returncode == 0:
                return result.stdout.split(":")[0].split(",")[0].strip()
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--amity", required=True)
    parser.add_argument("--ui", required=True)
    args = parser.parse_args()
    notices = subprocess.run([args.amity, "licenses"], check=True, capture_output=True,
                             text=True).stdout
    failures = []
    ldd = subprocess.run(["ldd", args.amity], check=True, capture_output=True, text=True).stdout
    libraries = 0
    for line in ldd.splitlines():
        match = re.search(r"(\S+) => (/\S+)", line) or re.search(r"^\s*(/\S+) \(", line)
        if not match:
            continue  # linux-vdso.so.1: the kernel's, no file
        soname = os.path.basename(match.group(1))
        path = match.group(match.lastindex)
        libraries += 1
        package = owner(path)
        if package is None:
            failures.append(f"{path}: no Debian package owns it")
            continue
        listed = re.search(rf"^  {re.escape(package)} \S+: .*{re.escape(soname)}", notices,
                           re.MULTILINE)
        if not listed:
            failures.append(f"{soname} ({package}) is not listed")
        with open(f"/usr/share/doc/{package}/copyright", encoding="utf-8",
                  errors="replace") as f:
            if f.read().strip() not in notices:
                failures.append(f"the copyright file of {package} is not quoted")
    if libraries < 5:
        failures.append(f"ldd listed only {libraries} libraries: is this the amity binary?")
    with open(os.path.join(args.ui, "package-lock.json"), encoding="utf-8") as f:
        lock = json.load(f)
    npm = 0
    for key, entry in lock["packages"].items():
        if not key or entry.get("dev"):
            continue
        npm += 1
        name = key.split("node_modules/")[-1]
        # The licence in the heading may come from the package's README when its package.json
        # declares none (scripts/third_party_notices.py); the name and version must be there.
        heading = f"npm package {name} {entry['version']} ("
        if heading not in notices:
            failures.append(f"npm package {name} {entry['version']} has no notice")
    if npm == 0:
        failures.append("no production npm packages found in the lockfile")
    for failure in failures:
        print("FAIL:", failure)
    print(f"checked {libraries} libraries and {npm} npm packages")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
