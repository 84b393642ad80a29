#!/usr/bin/env bash
# Fails when a C++ file tracked by git differs from what .clang-format makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp')
clang-format --dry-run --Werror "${files[@]}"
echo "format: ${#files[@]} files clean"
