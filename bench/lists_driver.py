#!/usr/bin/env python3
"""The client side of bench/lists.sh: times every documented list, one request at a time.

  lists_driver.py matrix --port P --token T --db DB --out TSV [--repeat 15 --warmup 3 --limit 50]
      Reads the OpenAPI document from the running server, derives every list (a GET path without
      a path parameter that takes `cursor`) x {no parameter, each sort value, each filter alone},
      picks filter values from DB (the most common value of an equality filter, the median for a
      _from/_to bound), and times the first page and a page 90% deep (reached by a cursor built
      as the server builds it, from the record at the 90% position found in DB). Each request is
      sent `warmup` times unrecorded, then `repeat` times, over one keep-alive connection.
  lists_driver.py feed --port P --token T --out TSV [--limit 200]
      Reads the whole change feed page by page (after_seq) and times it.
  lists_driver.py plans TSV --db DB [--slow-ms 5]
      EXPLAIN QUERY PLAN of the statement behind every request over --slow-ms, on the database
      the server ran on (so under the statistics it gathered at start).
  lists_driver.py report TSV_1000 [TSV_10000] [--slow-ms 5] [--ratio 1.3]
      The markdown report: per scale the worst and the median per-request time, every
      combination over --slow-ms, and the ratio between the two scales per combination.

The database is only read (SQLite read-only), never written: the cursor positions are read while
the server is idle, before any timing starts.
"""
import argparse
import base64
import datetime
import http.client
import json
import sqlite3
import statistics
import sys
import time
import urllib.parse

PAGING = {"limit", "offset", "cursor"}
OPEN_COMMITMENT_SQL = "status NOT IN ('done', 'dropped')"  # store::kOpenCommitmentSql
DEFAULT_SORT = "-created_at"  # api::ParseListQuery


class Client:
    def __init__(self, port, token):
        self.port = port
        self.headers = {"Authorization": f"Bearer {token}"}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def get(self, path):
        """Returns (status, body bytes, seconds) of one GET over the kept connection."""
        start = time.perf_counter()
        try:
            self.connection.request("GET", path, headers=self.headers)
            response = self.connection.getresponse()
            body = response.read()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            self.connection.request("GET", path, headers=self.headers)
            response = self.connection.getresponse()
            body = response.read()
        return response.status, body, time.perf_counter() - start


def resolve(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        target = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def documented_lists(doc):
    """Yields (path, [parameter objects]) of every list that takes a cursor."""
    for path, item in sorted(doc["paths"].items()):
        if "{" in path or "get" not in item:
            continue
        operation = item["get"]
        parameters = [resolve(doc, p) for p in item.get("parameters", [])]
        parameters += [resolve(doc, p) for p in operation.get("parameters", [])]
        parameters = [p for p in parameters if p.get("in") == "query"]
        if any(p["name"] == "cursor" for p in parameters):
            yield path, parameters


def columns_of(db, table):
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def sort_values(doc, parameter):
    schema = resolve(doc, parameter.get("schema", {}))
    return list(schema.get("enum", []))


class Combination:
    def __init__(self, path, table, label, query, where, params, sort_key):
        self.path, self.table, self.label, self.query = path, table, label, query
        self.where, self.params, self.sort_key = where, params, sort_key


def build_matrix(doc, db, notes):
    combinations = []
    today = datetime.date.today().isoformat()
    for path, parameters in documented_lists(doc):
        table = path.rsplit("/", 1)[1]
        columns = columns_of(db, table)
        if not columns:
            notes.append(f"{path}: no table {table} in the database; skipped")
            continue

        def make(label, query, extra_where=(), extra_params=(), archived=False):
            where = (["1"] if archived else ["archived = 0"]) + list(extra_where)
            sort_key = query.get("sort", DEFAULT_SORT)
            return Combination(path, table, label, query, where, list(extra_params), sort_key)

        combinations.append(make("(none)", {}))
        for parameter in parameters:
            name = parameter["name"]
            if name in PAGING:
                continue
            if name == "sort":
                for value in sort_values(doc, parameter):
                    combinations.append(make(f"sort={value}", {"sort": value}))
                continue
            if name == "archived":
                combinations.append(make("archived=true", {"archived": "true"}, archived=True))
                continue
            if name == "overdue":
                combinations.append(make("overdue=true", {"overdue": "true"},
                                         [OPEN_COMMITMENT_SQL, "due_date < ?"], [today]))
                continue
            bound = None
            column = name
            for suffix, operator in (("_from", ">="), ("_to", "<=")):
                if name.endswith(suffix) and name[: -len(suffix)] in columns:
                    column, bound = name[: -len(suffix)], operator
            if column not in columns:
                notes.append(f"{path}: parameter {name} is no column of {table}; skipped")
                continue
            # A list field (certifications, export markets) holds a JSON array; its filter tests
            # the array's entries (api::ParseListQuery): the most common entry is timed.
            listed = db.execute(
                f"SELECT 1 FROM {table} WHERE json_valid({column}) AND "
                f"json_type({column}) = 'array' LIMIT 1").fetchone()
            if listed and not bound:
                row = db.execute(
                    f"SELECT j.value FROM {table}, json_each({table}.{column}) j "
                    f"WHERE {table}.archived = 0 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
                ).fetchone()
                if row is None:
                    notes.append(f"{path}: no value of {column} in the data; {name} skipped")
                    continue
                combinations.append(make(
                    f"{name}={row[0]}", {name: str(row[0])},
                    [f"EXISTS (SELECT 1 FROM json_each({column}) WHERE value = ?)"], [row[0]]))
                continue
            if bound:
                row = db.execute(
                    f"SELECT {column} FROM {table} WHERE archived = 0 AND {column} IS NOT NULL "
                    f"ORDER BY {column} LIMIT 1 OFFSET (SELECT count({column}) / 2 FROM {table} "
                    f"WHERE archived = 0)").fetchone()
            else:
                row = db.execute(
                    f"SELECT {column} FROM {table} WHERE archived = 0 AND {column} IS NOT NULL "
                    f"GROUP BY {column} ORDER BY count(*) DESC LIMIT 1").fetchone()
            if row is None and column == "created_by":
                # The generator sets no creator: filter by a user's id, which matches nothing
                # (still worth timing: no match must not mean a scan).
                row = db.execute("SELECT id FROM users ORDER BY id LIMIT 1").fetchone()
                notes.append(f"{path}: no {column} in the data; timed with a user's id")
            if row is None:
                notes.append(f"{path}: no value of {column} in the data; {name} skipped")
                continue
            value = str(row[0])
            combination = make(f"{name}={value}", {name: value},
                               [f"{column} {bound or '='} ?"], [value])
            # As api::ParseListQuery marks a condition selective (a date, a person, a meeting, a
            # creator), the store writes the archived term as likely(archived = 0).
            schema = resolve(doc, parameter.get("schema", {}))
            item = resolve(doc, schema.get("items", {}))
            if not bound and (item.get("format") == "date" or column == "created_by" or
                              column.endswith("owner_id") or column in SELECTIVE_REFERENCES):
                combination.where[0] = "likely(archived = 0)"
            combinations.append(combination)
    return combinations


def encode_cursor(sort_key, value, record_id):
    text = sort_key + "\x1f" + ("n" if value is None else "v" + str(value)) + "\x1f" + record_id
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def cursor_at(db, combination, position):
    """The cursor the server would give after the record at `position` (0-based), or None."""
    column = combination.sort_key.lstrip("-")
    direction = "DESC" if combination.sort_key.startswith("-") else "ASC"
    # Filtered to one value of the sort column the server orders by id (api::ParseListQuery).
    if f"{column} = ?" in combination.where:
        column = "id"
    order = f"{column} {direction}, id {direction}" if column != "id" else f"id {direction}"
    row = db.execute(
        f"SELECT {column}, id FROM {combination.table} WHERE {' AND '.join(combination.where)} "
        f"ORDER BY {order} LIMIT 1 OFFSET ?", combination.params + [position]).fetchone()
    return None if row is None else encode_cursor(combination.sort_key, row[0], row[1])


# References to people and meetings (the columns named so) that ParseListQuery marks selective.
SELECTIVE_REFERENCES = {"meeting_id", "proposed_by_person_id", "person_id"}

SLOW_REQUEST_S = 0.25  # a request this slow is timed 3 times, not `repeat` (a scan at 10000)


def time_path(client, path, warmup, repeat):
    for i in range(warmup):
        _, _, seconds = client.get(path)
        if i == 0 and seconds > SLOW_REQUEST_S:
            repeat = min(repeat, 3)
            break
    times, status, body = [], None, b""
    for _ in range(repeat):
        status, body, seconds = client.get(path)
        times.append(seconds * 1000)
    return status, body, times


def matrix(args):
    client = Client(args.port, args.token)
    status, body, _ = client.get("/api/v1/openapi.json")
    if status != 200:
        sys.exit(f"GET /api/v1/openapi.json answered {status}")
    doc = json.loads(body)
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    notes = []
    combinations = build_matrix(doc, db, notes)
    print(f"{len(combinations)} combinations over "
          f"{len({c.path for c in combinations})} lists", file=sys.stderr)
    rows = []
    for combination in combinations:
        where = " AND ".join(combination.where)
        matches = db.execute(f"SELECT count(*) FROM {combination.table} WHERE {where}",
                             combination.params).fetchone()[0]
        query = dict(combination.query, limit=str(args.limit))
        first_path = combination.path + "?" + urllib.parse.urlencode(query)
        pages = [("first", first_path)]
        deep_position = int(matches * 0.9)
        if matches > args.limit and deep_position > 0:
            cursor = cursor_at(db, combination, deep_position - 1)
            pages.append(("deep", first_path + "&cursor=" + cursor))
        check = ""
        for page, path in pages:
            status, body, times = time_path(client, path, args.warmup, args.repeat)
            items = ""
            if status == 200:
                answer = json.loads(body)
                items = len(answer.get("items", []))
                # The first page's next must be the cursor built here for its last record: a
                # check that the deep cursor points where it should.
                if page == "first" and answer.get("next"):
                    built = cursor_at(db, combination, args.limit - 1)
                    check = "ok" if built == answer["next"] else "cursor-mismatch"
            elif page == "first":
                check = f"status {status}: {body[:200]!r}"
            rows.append([combination.path, combination.label, page, str(matches), str(items),
                         str(status), str(len(body)), f"{statistics.median(times):.3f}",
                         f"{min(times):.3f}", f"{max(times):.3f}", check, path,
                         json.dumps({"table": combination.table, "where": combination.where,
                                     "params": combination.params,
                                     "sort": combination.sort_key})])
            print(f"  {combination.path} {combination.label} {page}: "
                  f"{statistics.median(times):.2f} ms ({status}, {items} items) {check}",
                  file=sys.stderr)
    with open(args.out, "w") as out:
        out.write("list\tparameters\tpage\tmatches\titems\tstatus\tbytes\tmedian_ms\tmin_ms"
                  "\tmax_ms\tcursor_check\tpath\tquery\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
        for note in notes:
            out.write(f"# {note}\n")
    for note in notes:
        print("note: " + note, file=sys.stderr)


def page_statement(db, row):
    """The statement (SQL, params) that reads the row's page, as store::PageStatements builds it
    for the cached-record path (ids, versions and the sort column): the first page's one
    statement, or for a deep page the part the cursor points into."""
    query = json.loads(row["query"])
    table, where, params = query["table"], list(query["where"]), list(query["params"])
    column = query["sort"].lstrip("-")
    descending = query["sort"].startswith("-")
    if f"{column} = ?" in where:
        column = "id"
    direction = " DESC" if descending else " ASC"
    order = " ORDER BY " + ("" if column == "id" else column + direction + ", ") + "id" + direction
    select = f"SELECT id, version, {column} FROM {table} WHERE " + " AND ".join(
        w if w in ("1", "archived = 0", "likely(archived = 0)") else f"({w})" for w in where)
    cursor = urllib.parse.parse_qs(urllib.parse.urlsplit(row["path"]).query).get("cursor")
    if not cursor:
        return select + order + " LIMIT ? OFFSET ?", params + [150, 0]
    text = base64.urlsafe_b64decode(cursor[0] + "=" * (-len(cursor[0]) % 4)).decode()
    _, value, record_id = text.split("\x1f")
    after = " < " if descending else " > "
    if column == "id":
        return select + " AND id" + after + "?" + order + " LIMIT ? OFFSET ?", params + [
            record_id, 2, 0]
    not_null = any(c[1] == column and c[3] for c in db.execute(f"PRAGMA table_info({table})"))
    if value == "n":
        return (select + f" AND {column} IS NULL AND id{after}? ORDER BY id{direction}"
                " LIMIT ? OFFSET ?", params + [record_id, 2, 0])
    guard = "" if not_null else f" AND {column} IS NOT NULL"
    return (select + guard + f" AND ({column}, id){after}(?, ?)" + order + " LIMIT ? OFFSET ?",
            params + [value[1:], record_id, 2, 0])


def plans(args):
    """EXPLAIN QUERY PLAN of every request over --slow-ms, on the database the server ran on
    (its statistics are the ones the server gathered at start)."""
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    with open(args.tsv) as tsv:
        header = tsv.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in tsv
                if not line.startswith("#")]
    slow = sorted((r for r in rows if float(r["median_ms"]) > args.slow_ms),
                  key=lambda r: -float(r["median_ms"]))
    for row in slow:
        sql, params = page_statement(db, row)
        plan = db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        print(f"{row['list']} {row['parameters']} {row['page']} ({float(row['median_ms']):.2f} "
              f"ms, {row['matches']} match):")
        print(f"    {sql}")
        for step in plan:
            print(f"    {step[3]}")


def feed(args):
    client = Client(args.port, args.token)
    after, changes, pages, slowest = 0, 0, 0, 0.0
    start = time.perf_counter()
    while True:
        status, body, seconds = client.get(f"/api/v1/changes?after_seq={after}&limit={args.limit}")
        if status != 200:
            sys.exit(f"the change feed answered {status} after_seq={after}: {body[:200]!r}")
        answer = json.loads(body)
        pages += 1
        slowest = max(slowest, seconds)
        changes += len(answer["items"])
        if not answer["items"] or answer["next_after_seq"] == after:
            break
        after = answer["next_after_seq"]
    elapsed = time.perf_counter() - start
    line = (f"{changes}\t{pages}\t{elapsed:.3f}\t{changes / elapsed:.0f}\t{slowest * 1000:.2f}\t"
            f"{elapsed / pages * 1000:.3f}")
    with open(args.out, "w") as out:
        out.write("changes\tpages\tseconds\tchanges_per_s\tslowest_page_ms\tmean_page_ms\n")
        out.write(line + "\n")
    print(f"feed: {changes} changes in {pages} pages, {elapsed:.2f} s: "
          f"{changes / elapsed:,.0f} changes/s (slowest page {slowest * 1000:.1f} ms)",
          file=sys.stderr)


def read_tsv(name):
    rows = {}
    with open(name) as tsv:
        header = tsv.readline().rstrip("\n").split("\t")
        for line in tsv:
            if line.startswith("#"):
                continue
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            row["median_ms"] = float(row["median_ms"])
            # Filter values differ between databases (ids); the key is the parameter's name.
            name = row["parameters"].split("=")[0] if not row["parameters"].startswith(
                "sort=") else row["parameters"]
            rows[(row["list"], name, row["page"])] = row
    return rows


def report(args):
    scales = [read_tsv(name) for name in args.tsv]
    labels = args.labels or [f"run {i + 1}" for i in range(len(scales))]
    print("| scale | requests | not 200 | cursor checks failed | median ms | worst ms (request) "
          f"| over {args.slow_ms:g} ms |")
    print("|---|---:|---:|---:|---:|---|---:|")
    for label, rows in zip(labels, scales):
        times = [r["median_ms"] for r in rows.values()]
        worst = max(rows.values(), key=lambda r: r["median_ms"])
        bad = sum(1 for r in rows.values() if r["status"] != "200")
        mismatched = sum(1 for r in rows.values() if r["cursor_check"] == "cursor-mismatch")
        slow = sum(1 for t in times if t > args.slow_ms)
        print(f"| {label} | {len(rows)} | {bad} | {mismatched} | {statistics.median(times):.2f} | "
              f"{worst['median_ms']:.2f} (`{worst['list']} {worst['parameters']}` "
              f"{worst['page']}) | {slow} |")
    for label, rows in zip(labels, scales):
        slow = sorted((r for r in rows.values() if r["median_ms"] > args.slow_ms),
                      key=lambda r: -r["median_ms"])
        print(f"\nOver {args.slow_ms:g} ms at {label}: {len(slow)}")
        if slow:
            print("\n| list | parameters | page | matches | median ms |\n|---|---|---|---:|---:|")
            for r in slow:
                print(f"| {r['list']} | {r['parameters']} | {r['page']} | {r['matches']} | "
                      f"{r['median_ms']:.2f} |")
    if len(scales) == 2:
        small, large = scales
        ratios = []
        for key, r in large.items():
            if key in small and small[key]["median_ms"] > 0:
                ratios.append((r["median_ms"] / small[key]["median_ms"], key, small[key], r))
        ratios.sort(key=lambda x: -x[0])
        over = [x for x in ratios if x[0] > args.ratio]
        values = [x[0] for x in ratios]
        print(f"\n{labels[1]} / {labels[0]} per combination: median "
              f"{statistics.median(values):.2f}×, worst {values[0]:.2f}×; over {args.ratio}×: "
              f"{len(over)} of {len(ratios)}")
        print(f"\n| list | parameters | page | {labels[0]} ms | {labels[1]} ms | ratio |")
        print("|---|---|---|---:|---:|---:|")
        for ratio, key, a, b in ratios:
            print(f"| {key[0]} | {b['parameters']} | {key[2]} | {a['median_ms']:.2f} | "
                  f"{b['median_ms']:.2f} | {ratio:.2f}× |")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("matrix")
    f = sub.add_parser("feed")
    for p in (m, f):
        p.add_argument("--port", type=int, required=True)
        p.add_argument("--token", required=True)
        p.add_argument("--out", required=True)
    m.add_argument("--db", required=True)
    m.add_argument("--repeat", type=int, default=15)
    m.add_argument("--warmup", type=int, default=3)
    m.add_argument("--limit", type=int, default=50)
    f.add_argument("--limit", type=int, default=200)
    pl = sub.add_parser("plans")
    pl.add_argument("tsv")
    pl.add_argument("--db", required=True)
    pl.add_argument("--slow-ms", type=float, default=5)
    r = sub.add_parser("report")
    r.add_argument("tsv", nargs="+")
    r.add_argument("--labels", nargs="*")
    r.add_argument("--slow-ms", type=float, default=5)
    r.add_argument("--ratio", type=float, default=1.3)
    args = parser.parse_args()
    {"matrix": matrix, "feed": feed, "plans": plans, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
