#!/usr/bin/python3
"""Reads an exported table with independent parsers and prints its rows as JSON.

  read_table.py FILE.csv [--excel]   Python's csv module (RFC 4180; --excel: ';' and a BOM)
  read_table.py FILE.xlsx            openpyxl (python3-openpyxl), the first sheet's cell values

Prints {"rows": [[cell, …], …], "bom": bool, "sheet": name|null}; exits 1 when the file does not
parse as one.
"""
import csv
import io
import json
import sys


def main():
    path = sys.argv[1]
    excel = "--excel" in sys.argv[2:]
    if path.endswith(".xlsx"):
        import openpyxl
        workbook = openpyxl.load_workbook(path, read_only=True)
        sheet = workbook.worksheets[0]
        rows = [["" if value is None else value for value in row]
                for row in sheet.iter_rows(values_only=True)]
        print(json.dumps({"rows": rows, "bom": False, "sheet": sheet.title}, ensure_ascii=False))
        return
    with open(path, "rb") as raw:
        data = raw.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig" if bom else "utf-8")
    if "\r\n" not in text and text:
        sys.exit("lines must end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ",",
                           strict=True))
    print(json.dumps({"rows": rows, "bom": bom, "sheet": None}, ensure_ascii=False))


if __name__ == "__main__":
    main()
