#!/usr/bin/env python3
"""Validates every exchange the API tests recorded against the live OpenAPI document.

The API tests (tests/test_server.cpp) append one JSON line per request to a file in the folder
named by AMITY_RESPONSE_LOG: method, concrete path with its query, status, content type and the
body when it is JSON. This script starts the amity binary on a fresh database, reads
GET /api/v1/openapi.json, and checks for each exchange that

  * the path matches one of the document's path templates (unknown paths under /api/ must answer
    a 404 problem, a known path with another method a 405 problem);
  * the operation declares the status (exactly, as NXX or as default) and the content type;
  * the body validates against that response's schema (JSON Schema 2020-12, formats checked);
  * a response without content in the document has no body;
  * on a successful answer, every query parameter sent is declared by the operation and its value
    validates against the parameter's schema (comma-separated for arrays, as style=form,
    explode=false says);
  * every operation of the document was exercised at least once.

It fails (exit status 1) listing each kind of mismatch once with how often it happened and an
example, and also when the log holds no exchange at all.

Usage: check_openapi_responses.py --amity BUILD/src/cli/amity --log BUILD/tests/responses
"""

import argparse
import collections
import datetime
import glob
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

try:
    import jsonschema
except ImportError:
    sys.exit("python3-jsonschema is missing: run scripts/install-deps.sh")

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def format_checker():
    """The formats the document uses, checked without optional packages (date-time needs
    rfc3339-validator in jsonschema itself)."""
    checker = jsonschema.FormatChecker()

    @checker.checks("date-time")
    def is_date_time(value):
        if not isinstance(value, str):
            return True
        if not RFC3339.match(value):
            return False
        datetime.date.fromisoformat(value[:10])
        return True

    @checker.checks("date", raises=ValueError)
    def is_date(value):
        if not isinstance(value, str):
            return True
        return len(value) == 10 and datetime.date.fromisoformat(value) is not None

    @checker.checks("uuid")
    def is_uuid(value):
        return not isinstance(value, str) or bool(UUID.match(value))

    return checker


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def live_document(amity):
    """Starts `amity serve` on a fresh database and returns its OpenAPI document."""
    with tempfile.TemporaryDirectory(prefix="amity-openapi-") as folder:
        db = os.path.join(folder, "amity.db")
        subprocess.run([amity, "migrate", "--db", db], check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [amity, "serve", "--db", db, "--listen", f"127.0.0.1:{port}", "--threads", "1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    url = f"http://127.0.0.1:{port}/api/v1/openapi.json"
                    with urllib.request.urlopen(url, timeout=5) as answer:
                        return json.load(answer)
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.05)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)


class Document:
    def __init__(self, document):
        self.document = document
        self.components = document.get("components", {})
        self.checker = format_checker()
        self.validators = {}
        self.templates = []
        for template, item in document["paths"].items():
            segments = template.strip("/").split("/")
            self.templates.append((template, segments, item))

    def validator(self, schema):
        key = json.dumps(schema, sort_keys=True)
        if key not in self.validators:
            # The schema is checked as a root resource that carries the document's components,
            # so "#/components/schemas/…" resolves within it.
            root = dict(schema)
            root["$schema"] = SCHEMA_DIALECT
            root["components"] = self.components
            jsonschema.Draft202012Validator.check_schema(root)
            self.validators[key] = jsonschema.Draft202012Validator(
                root, format_checker=self.checker)
        return self.validators[key]

    def match(self, path):
        """The template and path item for a concrete path (most literal segments win)."""
        segments = path.strip("/").split("/")
        best = None
        for template, pattern, item in self.templates:
            if len(pattern) != len(segments):
                continue
            literal = 0
            for want, got in zip(pattern, segments):
                if want.startswith("{") and want.endswith("}"):
                    if not got:
                        break
                elif want == got:
                    literal += 1
                else:
                    break
            else:
                if best is None or literal > best[0]:
                    best = (literal, template, item)
        return (best[1], best[2]) if best else (None, None)


def schema_errors(validator, value, limit=3):
    """Up to `limit` errors as (place with array indexes as *, place, message)."""
    errors = sorted(validator.iter_errors(value), key=lambda e: [str(p) for p in e.path])
    out = []
    for error in errors[:limit]:
        parts = list(error.absolute_path)
        generic = "/" + "/".join("*" if isinstance(part, int) else str(part) for part in parts)
        exact = "/" + "/".join(str(part) for part in parts)
        out.append((generic, exact, error.message[:300]))
    return out


def coerce(value, schema):
    """A query string value as the JSON value its schema describes."""
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "array" in kinds:
        items = schema.get("items", {})
        return [coerce(part, items) for part in value.split(",")]
    if "integer" in kinds and re.fullmatch(r"-?\d+", value):
        return int(value)
    if "number" in kinds:
        try:
            return float(value)
        except ValueError:
            return value
    if "boolean" in kinds and value in ("true", "false"):
        return value == "true"
    return value


class Checker:
    def __init__(self, document):
        self.doc = Document(document)
        self.problems = collections.OrderedDict()  # kind → [count, example]
        self.checked = 0
        self.skipped = 0
        self.seen = set()

    def fail(self, kind, example):
        entry = self.problems.setdefault(kind, [0, example])
        entry[0] += 1

    def check(self, exchange):
        method = exchange["method"].upper()
        url = urllib.parse.urlsplit(exchange["path"])
        path, status = url.path, int(exchange["status"])
        content_type = exchange.get("content_type", "").split(";")[0].strip().lower()
        where = f"{method} {exchange['path'][:200]} -> {status}"
        template, item = self.doc.match(path)
        head = method == "HEAD"
        operation = item.get("get" if head else method.lower()) if item else None
        if operation is None:
            if item is None and not path.startswith("/api/"):
                self.skipped += 1  # the UI's pages and assets
                return
            # An unknown path or method is answered by the router with a problem.
            want = 404 if item is None else 405
            kind = f"{method} {template or path}: no such operation"
            if status != want:
                self.fail(f"{kind}, yet answered {status}", where)
                return
            self.check_content(kind, where, exchange, content_type, head,
                               {"content": {"application/problem+json": {
                                   "schema": {"$ref": "#/components/schemas/Problem"}}}})
            return
        self.checked += 1
        kind = f"{method} {template} {status}"
        self.seen.add((method.lower() if not head else "get", template, status))
        responses = operation.get("responses", {})
        response = (responses.get(str(status)) or responses.get(f"{status // 100}XX")
                    or responses.get("default"))
        if response is None:
            self.fail(f"{kind}: status not declared", where)
            return
        self.check_content(kind, where, exchange, content_type, head, response)
        if 200 <= status < 300:
            self.check_query(kind, where, url.query, item, operation)

    def check_content(self, kind, where, exchange, content_type, head, response):
        content = response.get("content")
        has_body = bool(exchange.get("body")) or exchange.get("body_length", 0) > 0
        if not content:
            if has_body and not head:
                self.fail(f"{kind}: a body where the document declares none ({content_type})",
                          where)
            return
        if content_type not in content and "*/*" in content:
            return  # any type (a file's own), not JSON to validate
        if content_type not in content:
            self.fail(f"{kind}: content type {content_type or '(none)'} not in "
                      f"{sorted(content)}", where)
            return
        if head or "json" not in content_type:
            return
        schema = content[content_type].get("schema")
        if schema is None:
            return
        try:
            body = json.loads(exchange["body"])
        except (KeyError, ValueError) as error:
            self.fail(f"{kind}: the body is not JSON ({error})", where)
            return
        for generic, exact, message in schema_errors(self.doc.validator(schema), body):
            # The kind names the place with indexes left out, so one mismatch counts once.
            self.fail(f"{kind}: at {generic}: {message[:120]}",
                      f"{where}\n      at {exact}: {message}")

    def check_query(self, kind, where, query, item, operation):
        declared = {}
        for parameter in item.get("parameters", []) + operation.get("parameters", []):
            if parameter.get("in") == "query":
                declared[parameter["name"]] = parameter
        for name, value in urllib.parse.parse_qsl(query, keep_blank_values=True):
            parameter = declared.get(name)
            if parameter is None:
                self.fail(f"{kind}: query parameter {name} is accepted but not declared", where)
                continue
            schema = parameter.get("schema", {})
            for _, exact, message in schema_errors(self.doc.validator(schema),
                                                   coerce(value, schema)):
                self.fail(f"{kind}: query parameter {name} is accepted but the document says "
                          f"{message[:120]}", f"{where} (at {exact})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--amity", required=True, help="the amity binary")
    parser.add_argument("--log", required=True, help="folder of the recorded exchanges")
    parser.add_argument("--document", help="read the document from this file instead")
    args = parser.parse_args()

    if args.document:
        with open(args.document, encoding="utf-8") as file:
            document = json.load(file)
    else:
        document = live_document(args.amity)
    checker = Checker(document)
    files = sorted(glob.glob(os.path.join(args.log, "*.jsonl")))
    for name in files:
        with open(name, encoding="utf-8") as file:
            for number, line in enumerate(file, 1):
                if not line.strip():
                    continue
                try:
                    exchange = json.loads(line)
                except ValueError:
                    checker.fail("a line of the log is not JSON", f"{name}:{number}")
                    continue
                checker.check(exchange)

    operations = {(method, template)
                  for template, item in document["paths"].items()
                  for method in item if method in ("get", "post", "patch", "put", "delete")}
    covered = {(method, template) for method, template, _ in checker.seen}
    print(f"{checker.checked} exchanges checked against {len(operations)} operations "
          f"({len(covered & operations)} exercised), {checker.skipped} outside the API skipped, "
          f"from {len(files)} log files in {args.log}")
    missing = sorted(operations - covered, key=lambda op: (op[1], op[0]))
    if checker.checked == 0:
        print("FAIL: no exchange recorded; did the API tests run with AMITY_RESPONSE_LOG?")
        return 1
    if missing:
        # An operation no test calls could answer anything: each needs at least one exchange.
        checker.fail("operations no API test exercised: " +
                     ", ".join(f"{method.upper()} {template}" for method, template in missing),
                     "add a case to tests/api_*_test.cpp")
    if checker.problems:
        print(f"FAIL: {len(checker.problems)} kinds of answers do not match the document:")
        for kind, (count, example) in checker.problems.items():
            print(f"  {kind}  [{count}x]\n      e.g. {example}")
        return 1
    print("every answer matches the document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
