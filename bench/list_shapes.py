#!/usr/bin/env python3
"""The page statement of each selective list filter, timed in two shapes on one database.

  bench/list_shapes.py DB [REPEAT]

`before` is the statement as git 7e85033 wrote it (`likely(archived = 0) AND (column = ?)`),
`after` as store::PageStatements writes it now (`likely(archived = 0) AND unlikely(column = ?)`):
the first page of the cached-record path (ids, versions, the sort column; 150 rows with the
read-ahead), newest first. Each is timed REPEAT times (15) after 3 unrecorded runs, alternating,
in this one process, under the statistics the server gathers at start (`PRAGMA analysis_limit =
400; ANALYZE`), run inside a transaction that is rolled back: the database is left as it was.
Prints the median and the plan of each. Do not run it while something else writes the database.
"""
import sqlite3
import statistics
import sys
import time

db = sqlite3.connect(sys.argv[1], isolation_level=None)
repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 15
db.execute("BEGIN")
db.execute("PRAGMA analysis_limit = 400")
db.execute("ANALYZE")
user = db.execute("SELECT id FROM users ORDER BY id LIMIT 1").fetchone()
user = user[0] if user else "01900000-0000-7000-8000-000000000000"


def most_common(table, column):
    row = db.execute(f"SELECT {column} FROM {table} WHERE archived = 0 AND {column} IS NOT NULL "
                     "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    return row[0] if row else user


# Selective filters (api::SelectiveFilter) of the documented lists; the generator sets no
# creator, so `created_by` is timed with a user's id (no match), as bench/lists_driver.py does.
cases = [("commitments", column, most_common("commitments", column))
         for column in ("due_date", "home_owner_id", "partner_owner_id", "meeting_id")]
cases += [(table, "created_by", user) for table in
          ("commitments", "meetings", "events", "people", "partnerships", "cities", "organizations")]


def timed(sql, params):
    for _ in range(3):
        db.execute(sql, params).fetchall()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(db.execute(sql, params).fetchall())
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


for table, column, value in cases:
    parts = []
    for name, condition in (("before", f"({column} = ?)"), ("after", f"unlikely({column} = ?)")):
        sql = (f"SELECT id, version, created_at FROM {table} WHERE likely(archived = 0) AND "
               f"{condition} ORDER BY created_at DESC, id DESC LIMIT 150 OFFSET 0")
        plan = "; ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, [value]))
        ms, rows = timed(sql, [value])
        parts.append(f"{name} {ms:.2f} ms [{plan}]")
    print(f"{table}?{column} ({rows} rows): " + " | ".join(parts), flush=True)
db.execute("ROLLBACK")
