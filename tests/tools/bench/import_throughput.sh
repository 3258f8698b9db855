#!/bin/sh
# Import throughput of the model registry against what the disk and hashing allow.
# Makes a Llama-shaped folder whose model.safetensors holds SIZE_MIB MiB of random bytes
# (one tensor), then times, in one run: reading it (cat), hashing it (sha256sum and
# openssl), copying it to disk (cp + sync), `llmos models import` (copy + SHA-256 + fsync
# into the store) and `llmos models import --in-place` (hash only), each into a fresh
# LLMOS_HOME. The llmos rows include the process start-up, printed on its own; each llmos
# row is the fastest of REPEAT runs (default 3), since other work on the machine only
# ever makes a run slower. Then the stored import without start-up is compared with two
# bounds: doing the copy and the hash one after the other (cp + sync, then openssl), and
# doing them at once (the slower of the two). The load average is printed before and after.
# BASELINE, another llmos (say, built before a change), gets the same llmos rows, each of
# its runs right before the same run of the first, so that both meet the same machine.
# Usage: [REPEAT=n] [BASELINE=old/llmos] tests/tools/bench/import_throughput.sh build/bin/llmos [SIZE_MIB]
#        (SIZE_MIB default 1024)
set -eu
llmos=$(realpath "$1")
mib=${2:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bytes=$((mib * 1024 * 1024))
floats=$((bytes / 4))
model="$work/model"
mkdir -p "$model"
header=$(printf '{"model.embed_tokens.weight":{"dtype":"F32","shape":[%d,256],"data_offsets":[0,%d]}}' \
  $((floats / 256)) "$bytes")
# safetensors: 8-byte little-endian header length, the JSON header, the data.
python3 -c "import struct,sys; sys.stdout.buffer.write(struct.pack('<Q', len(sys.argv[1])) + sys.argv[1].encode())" \
  "$header" > "$model/model.safetensors"
head -c "$bytes" /dev/urandom >> "$model/model.safetensors"
cat > "$model/config.json" <<JSON
{"architectures":["LlamaForCausalLM"],"model_type":"llama","vocab_size":$((floats / 256)),"hidden_size":256,
 "intermediate_size":512,"num_hidden_layers":1,"num_attention_heads":4,"num_key_value_heads":4,
 "max_position_embeddings":256,"rms_norm_eps":1e-5,"tie_word_embeddings":true}
JSON
sync

seconds() { # command... -> wall seconds
  python3 -c 'import subprocess, sys, time
t = time.monotonic(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(round(time.monotonic() - t, 3))' "$@"
}
rate() { python3 -c "import sys; print(round($mib * 1.048576 / float(sys.argv[1])))" "$1"; }
least() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:] if x))" "$@"; }
repeat=${REPEAT:-3}
baseline=${BASELINE:+$(realpath "$BASELINE")}

# fastest LLMOS_ARGS...: the fastest of $repeat runs of `llmos ARGS`, each into a fresh
# LLMOS_HOME, as "seconds" or, with a baseline, "seconds baseline-seconds".
fastest() {
  best=; best_base=
  for i in $(seq "$repeat"); do
    if [ -n "$baseline" ]; then
      t=$(seconds env LLMOS_HOME="$work/home-base" "$baseline" "$@"); rm -rf "$work/home-base"
      best_base=$(least "$t" "$best_base")
    fi
    t=$(seconds env LLMOS_HOME="$work/home" "$llmos" "$@"); rm -rf "$work/home"
    best=$(least "$t" "$best")
  done
  echo "$best $best_base"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
t_cat=$(seconds cat "$model/model.safetensors")
t_sha=$(seconds sha256sum "$model/model.safetensors")
t_ossl=$(seconds openssl dgst -sha256 "$model/model.safetensors")
t_copy=$(seconds sh -c "cp '$model/model.safetensors' '$work/copy' && sync '$work/copy'")
rm -f "$work/copy"
set -- $(fastest models list); t_startup=$1; b_startup=${2:-}
set -- $(fastest models import "$model" --name big); t_import=$1; b_import=${2:-}
set -- $(fastest models import "$model" --name big --in-place); t_inplace=$1; b_inplace=${2:-}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "file: $mib MiB; llmos rows: fastest of $repeat; load average before: $load_before, after: $load_after"
printf '| what | seconds | MB/s |\n|---|---|---|\n'
row() { printf '| %s | %.2f | %s |\n' "$1" "$2" "$(rate "$2")"; }
row "cat (read, page cache warm)" "$t_cat"
row "cp + sync (write to disk)" "$t_copy"
row "sha256sum" "$t_sha"
row "openssl dgst -sha256" "$t_ossl"
row "llmos models import (copy + hash + fsync)" "$t_import"
row "llmos models import --in-place (hash)" "$t_inplace"
if [ -n "$baseline" ]; then
  row "baseline: llmos models import" "$b_import"
  row "baseline: llmos models import --in-place" "$b_inplace"
fi
python3 - "$t_copy" "$t_ossl" "llmos" "$t_startup" "$t_import" "$t_inplace" \
  ${baseline:+"baseline" "$b_startup" "$b_import" "$b_inplace"} <<'PY'
import sys
copy, ossl = float(sys.argv[1]), float(sys.argv[2])
sequential, overlapped = copy + ossl, max(copy, ossl)
print(f"bounds: copy then hash {sequential:.2f} s, copy and hash at once {overlapped:.2f} s")
rest = sys.argv[3:]
for name, startup, imp, inplace in zip(rest[0::4], rest[1::4], rest[2::4], rest[3::4]):
    startup, imp, inplace = float(startup), float(imp), float(inplace)
    net = imp - startup
    print(f"{name}: start-up {startup:.2f} s; stored import without it {net:.2f} s = {net / sequential:.0%} of "
          f"copy-then-hash, {net / overlapped:.0%} of at-once; in place without it {inplace - startup:.2f} s")
PY
