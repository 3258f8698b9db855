#!/bin/sh
# Import throughput of the model registry against what the disk and hashing allow.
# Makes a Llama-shaped folder whose model.safetensors holds SIZE_MIB MiB of random bytes
# (one tensor), then times, in one run: reading it (cat), hashing it (sha256sum and
# openssl), `llmos models import` (copy + SHA-256 + fsync into the store) and
# `llmos models import --in-place` (hash only), each into a fresh LLMOS_HOME. The llmos
# rows include the process start-up, printed on its own.
# Usage: tests/tools/bench/import_throughput.sh build/bin/llmos [SIZE_MIB]   (default 1024)
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

t_cat=$(seconds cat "$model/model.safetensors")
t_sha=$(seconds sha256sum "$model/model.safetensors")
t_ossl=$(seconds openssl dgst -sha256 "$model/model.safetensors")
t_copy=$(seconds sh -c "cp '$model/model.safetensors' '$work/copy' && sync '$work/copy'")
t_startup=$(seconds env LLMOS_HOME="$work/h0" "$llmos" models list)
t_import=$(seconds env LLMOS_HOME="$work/h1" "$llmos" models import "$model" --name big)
t_inplace=$(seconds env LLMOS_HOME="$work/h2" "$llmos" models import "$model" --name big --in-place)

echo "file: $mib MiB; llmos start-up (models list on an empty registry): $t_startup s"
printf '| what | seconds | MB/s |\n|---|---|---|\n'
for row in "cat (read, page cache warm):$t_cat" "cp + sync (write to disk):$t_copy" "sha256sum:$t_sha" "openssl dgst -sha256:$t_ossl" \
           "llmos models import (copy + hash + fsync):$t_import" "llmos models import --in-place (hash):$t_inplace"; do
  name=${row%:*}; t=${row##*:}
  printf '| %s | %.2f | %s |\n' "$name" "$t" "$(rate "$t")"
done
