#!/usr/bin/python3
"""Writes the third-party notices of the amity binary from what is really compiled in.

Debian packages: those owning the shared libraries `ldd BINARY` lists (the libraries the binary
loads) and those owning the headers its objects were compiled from (the compiler's dependency
files, *.o.d, of the amity libraries: header-only code such as Boost.Beast/Asio and Howard
Hinnant's date). Each package's /usr/share/doc/PACKAGE/copyright is copied; packages with the
same copyright text share one copy.

npm packages: every production package of ui/package-lock.json (not marked "dev"), with the
licence file from ui/node_modules. That is a superset of what Vite bundles (the bundle can only
take code from them), so nothing bundled is left out.

usage: third_party_notices.py --binary FILE --objects DIR --ui DIR --text OUT.txt --cpp OUT.cpp
"""
import argparse
import glob
import hashlib
import json
import os
import re
import subprocess
import sys


def shared_libraries(binary):
    """[(soname, path)] of what ldd lists, the kernel's vDSO aside (it is no file)."""
    out = subprocess.run(["ldd", binary], check=True, capture_output=True, text=True).stdout
    libraries = []
    for line in out.splitlines():
        line = line.strip()
        match = re.match(r"(\S+) => (\S+) \(", line) or re.match(r"(/\S+) \(", line)
        if not match:
            continue
        if len(match.groups()) == 2:
            libraries.append((match.group(1), match.group(2)))
        else:
            libraries.append((os.path.basename(match.group(1)), match.group(1)))
    return libraries


def owning_packages(paths):
    """{path: package} via dpkg -S, trying each path as given, resolved and without /usr."""
    candidates = {}
    for path in paths:
        real = os.path.realpath(path)
        forms = [path, real]
        for form in (path, real):
            if form.startswith("/usr/"):
                forms.append(form[4:])
            else:
                forms.append("/usr" + form)
        candidates[path] = list(dict.fromkeys(forms))
    every_form = sorted({form for forms in candidates.values() for form in forms})
    owner = {}
    for start in range(0, len(every_form), 500):
        result = subprocess.run(["dpkg", "-S"] + every_form[start:start + 500],
                                capture_output=True, text=True)
        for line in result.stdout.splitlines():
            packages, _, file = line.partition(": ")
            if packages.startswith("diversion by"):
                continue
            owner[file.strip()] = packages.split(",")[0].strip().split(":")[0]
    found = {}
    for path, forms in candidates.items():
        for form in forms:
            if form in owner:
                found[path] = owner[form]
                break
    return found


def compiled_headers(objects_dir):
    """System headers (outside the source and build trees) named by the amity objects' depfiles."""
    headers = set()
    pattern = os.path.join(objects_dir, "src", "**", "CMakeFiles", "amity*.dir", "**", "*.o.d")
    for depfile in glob.glob(pattern, recursive=True):
        with open(depfile, encoding="utf-8", errors="replace") as f:
            for token in f.read().replace("\\\n", " ").split():
                if token.startswith("/usr/") and not token.endswith(":"):
                    headers.add(os.path.normpath(token))
    return headers


def package_version(package):
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                            capture_output=True, text=True)
    return result.stdout.strip() or "?"


# Packages whose package.json declares no licence while their README does (read by a person; the
# version is part of the key, so an upgrade is read again). combine-errors comes with tus-js-client.
README_LICENCES = {("combine-errors", "3.0.3"): "MIT"}


def npm_packages(ui_dir):
    """[(name, version, licence, licence text)] of the lockfile's production packages."""
    with open(os.path.join(ui_dir, "package-lock.json"), encoding="utf-8") as f:
        lock = json.load(f)
    packages = []
    for key, entry in sorted(lock.get("packages", {}).items()):
        if not key or entry.get("dev") or entry.get("link"):
            continue
        name = key.split("node_modules/")[-1]
        folder = os.path.join(ui_dir, key)
        files = sorted(glob.glob(os.path.join(folder, "LICEN[CS]E*")) +
                       glob.glob(os.path.join(folder, "licen[cs]e*")) +
                       glob.glob(os.path.join(folder, "COPYING*")))
        licence = entry.get("license") or README_LICENCES.get((name, entry.get("version")), "?")
        if files:
            with open(files[0], encoding="utf-8", errors="replace") as f:
                text = f.read()
        else:
            declared_by = "its README" if not entry.get("license") else "its package.json"
            text = licence_from_template(folder, licence, declared_by)
        packages.append((name, entry.get("version", "?"), licence, text))
    return packages


def licence_from_template(folder, licence, declared_by="its package.json"):
    """The text of a package that ships no licence file (e.g. @vue/devtools-api 6): the standard
    text of the licence its package.json declares, under its author's name. Only for licences
    with a template in scripts/licenses/; anything else stops the build."""
    template = os.path.join(os.path.dirname(os.path.abspath(__file__)), "licenses", licence)
    manifest = os.path.join(folder, "package.json")
    if not os.path.exists(manifest):
        sys.exit(f"third_party_notices: {folder} is missing (run npm ci in ui/)")
    if not os.path.exists(template):
        sys.exit(f"third_party_notices: no licence file in {folder} and no template for {licence}")
    with open(manifest, encoding="utf-8") as f:
        author = json.load(f).get("author", "its authors")
    if isinstance(author, dict):
        author = author.get("name", "its authors")
    with open(template, encoding="utf-8") as f:
        body = f.read()
    return (f"(The package ships no licence file; {declared_by} declares {licence}. The "
            f"standard {licence} text follows.)\n\n{licence} License\n\n"
            f"Copyright (c) {author}\n\n{body}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--objects", required=True)
    parser.add_argument("--ui", required=True)
    parser.add_argument("--text", required=True)
    parser.add_argument("--cpp", required=True)
    args = parser.parse_args()

    libraries = shared_libraries(args.binary)
    library_owner = owning_packages([path for _, path in libraries])
    missing = [path for _, path in libraries if path not in library_owner]
    if missing:
        sys.exit("third_party_notices: no Debian package owns " + ", ".join(missing))
    header_owner = owning_packages(sorted(compiled_headers(args.objects)))

    # package -> what of it is in the binary
    uses = {}
    for soname, path in libraries:
        uses.setdefault(library_owner[path], set()).add(soname)
    for header, package in header_owner.items():
        uses.setdefault(package, set()).add("headers")

    out = ["Amity: third-party notices",
           "",
           "Amity is licensed under the GNU Affero General Public License, version 3 or later.",
           "The amity binary loads or contains the following third-party software. This file is",
           "generated when the binary is built, from the libraries it loads (ldd), the headers",
           "compiled into it and the web UI's production npm packages.",
           "",
           "Debian packages (shared libraries the binary loads; headers compiled into it):",
           ""]
    texts = {}  # digest -> (text, [packages])
    for package in sorted(uses):
        what = sorted(uses[package])
        out.append(f"  {package} {package_version(package)}: {', '.join(what)}")
        copyright_file = f"/usr/share/doc/{package}/copyright"
        if not os.path.exists(copyright_file):
            sys.exit(f"third_party_notices: {copyright_file} is missing")
        with open(copyright_file, encoding="utf-8", errors="replace") as f:
            text = f.read()
        digest = hashlib.sha256(text.encode()).hexdigest()
        texts.setdefault(digest, (text, []))[1].append(package)
    npm = npm_packages(args.ui)
    out += ["", "npm packages of the web UI (production dependencies):", ""]
    for name, version, licence, _ in npm:
        out.append(f"  {name} {version}: {licence}")
    for text, packages in texts.values():
        out += ["", "=" * 78, "Debian package " + ", ".join(packages) +
                ": /usr/share/doc/" + packages[0] + "/copyright", "=" * 78, "", text.rstrip()]
    for name, version, licence, text in npm:
        out += ["", "=" * 78, f"npm package {name} {version} ({licence})", "=" * 78, "",
                text.rstrip()]
    notices = "\n".join(out) + "\n"

    delimiter = "amity_notices"
    if f"){delimiter}\"" in notices:
        sys.exit("third_party_notices: the raw-string delimiter occurs in the text")
    # A raw string literal per 32 KiB piece (compilers may bound one literal's length).
    pieces = [notices[i:i + 32768] for i in range(0, len(notices), 32768)]
    cpp = ["// Generated by scripts/third_party_notices.py. Do not edit.",
           '#include "cli/notices.h"', "", "namespace amity::cli {", "namespace {",
           "constexpr const char* kPieces[] = {"]
    cpp += [f'    R"{delimiter}({piece}){delimiter}",' for piece in pieces]
    cpp += ["};", "}  // namespace", "", "std::string ThirdPartyNotices() {",
            "  std::string text;", "  for (const char* piece : kPieces) text += piece;",
            "  return text;", "}", "", "}  // namespace amity::cli", ""]
    for path, content in ((args.text, notices), (args.cpp, "\n".join(cpp))):
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old != content:  # unchanged: leave the file (and what depends on it) alone
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)


if __name__ == "__main__":
    main()
