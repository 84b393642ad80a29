#!/usr/bin/env python3
"""Scans what the servers of the test suite sent their peers (AMITY_WIRE_CAPTURE) for what must
never leave them (docs/FEDERATION.md, "Testing").

For each instance, <dir>/<instance id>.wire holds the messages it sent (federation/wire_capture.h)
and <dir>/<instance id>.forbidden the values it must never send, one per line
(tests/wire_forbidden.h). Fails, naming the value, the file and the offset, when a forbidden value
appears in the bytes the instance sent (as is or JSON-escaped), or when a message body's SHA-256 is
a forbidden one (a private file's bytes); and when nothing was captured at all, or an instance's
captured bytes have no forbidden list.

    check_wire_capture.py DIR          the scan
    check_wire_capture.py --self-test  shows that the scan finds a planted value
"""
import hashlib
import json
import pathlib
import re
import sys
import tempfile

FRAME = re.compile(rb"@amity-wire 1 (request|answer) (\d+) (\d+)\n")
SHA256 = re.compile(r"[0-9a-f]{64}")


def bodies(data):
    """(offset, body) of each message of a capture file, in order."""
    at = 0
    while at < len(data):
        frame = FRAME.match(data, at)
        if frame is None:  # a message cut short (a server killed mid-write): on to the next
            at = data.find(b"@amity-wire 1 ", at + 1)
            if at < 0:
                return
            continue
        start = frame.end() + int(frame.group(2))
        end = start + int(frame.group(3))
        yield start, data[start:end]
        at = end


def needles(value):
    """The forms a value takes on the wire: as is, and as a JSON string holds it."""
    forms = {value.encode()}
    forms.add(json.dumps(value, ensure_ascii=False)[1:-1].encode())
    forms.add(json.dumps(value)[1:-1].encode())
    return forms


def scan(folder):
    """The problems found in capture folder `folder`, as lines of text."""
    folder = pathlib.Path(folder)
    captures = sorted(folder.glob("*.wire"))
    problems = []
    if sum(path.stat().st_size for path in captures) == 0:
        return [f"{folder}: nothing was captured: is AMITY_WIRE_CAPTURE reaching the servers?"]
    for capture in captures:
        listed = capture.with_suffix(".forbidden")
        if not listed.exists():
            problems.append(f"{capture}: no {listed.name}: the harness did not list what this "
                            "instance must never send")
            continue
        data = capture.read_bytes()
        values = [line for line in listed.read_text(encoding="utf-8").split("\n") if line]
        for value in values:
            for needle in needles(value):
                offset = data.find(needle)
                if offset >= 0:
                    problems.append(f"{capture} offset {offset}: forbidden value {value!r}")
                    break
        hashes = {value for value in values if SHA256.fullmatch(value)}
        for offset, body in bodies(data):
            digest = hashlib.sha256(body).hexdigest()
            if body and digest in hashes:
                problems.append(f"{capture} offset {offset}: a message body is the file whose "
                                f"SHA-256 is forbidden: {digest}")
    return problems


def self_test():
    """The scan must fail on a planted value and a planted file, and pass on clean bytes."""
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        assert scan(root), "an empty capture passed"
        secret_file = b"%PDF-1.4 private minutes\n"
        clean = b'{"items":[{"text":{"en":"Joint marathon"}}]}'
        message = b"@amity-wire 1 answer 4 %d\nHEAD%s" % (len(clean), clean)
        (root / "i1.wire").write_bytes(message)
        (root / "i1.forbidden").write_text(
            "Private plan \"B\"\n" + hashlib.sha256(secret_file).hexdigest() + "\nshort\n",
            encoding="utf-8")
        assert scan(root) == [], scan(root)
        leak = b'{"text":{"en":"Private plan \\"B\\""}}'
        planted = b"@amity-wire 1 answer 4 %d\nHEAD%s" % (len(leak), leak)
        (root / "i1.wire").write_bytes(message + planted)
        found = scan(root)
        assert len(found) == 1 and "Private plan" in found[0], found
        assert f"offset {len(message) + planted.find(b'Private')}:" in found[0], found
        (root / "i1.wire").write_bytes(
            message + b"@amity-wire 1 answer 4 %d\nHEAD%s" % (len(secret_file), secret_file))
        found = scan(root)
        assert len(found) == 1 and "SHA-256" in found[0], found
        (root / "i2.wire").write_bytes(message)
        assert any("i2.forbidden" in line for line in scan(root))
    print("check_wire_capture: the self-test found what was planted")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = scan(argv[1])
    for line in problems:
        print(line)
    if problems:
        print(f"check_wire_capture: {len(problems)} problem(s)")
        return 1
    captures = list(pathlib.Path(argv[1]).glob("*.wire"))
    size = sum(path.stat().st_size for path in captures)
    print(f"check_wire_capture: {len(captures)} instance(s), {size} bytes sent, nothing forbidden")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
