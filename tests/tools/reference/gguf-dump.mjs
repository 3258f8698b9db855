// Test-only: parses a local .gguf file with @huggingface/gguf (an independent GGUF reader) and
// prints what it saw as one JSON document, for tests/core/gguf/gguf_reference_test.cpp.
//
//   node gguf-dump.mjs FILE.gguf
//
// Output:
//   {"version": 3, "tensor_count": "2", "kv_count": "5", "tensor_data_offset": "448",
//    "metadata": {"key": value, ...},                        // in file order
//    "types": {"key": {"type": 4}, "arr": {"type": 9, "sub_type": 8}, ...},
//    "tensors": [{"name": "...", "shape": ["32", "4"], "dtype": 8, "offset": "0"}, ...]}
//
// Values: BigInts (u64, i64, counts, dims, offsets) as decimal strings; NaN, ±Infinity and -0
// as the strings "NaN", "Infinity", "-Infinity", "-0" (JSON has no spelling for them); arrays
// (nested too) as JSON arrays. `shape` is as the library gives it: GGUF's stored order,
// innermost (fastest-varying) dimension first, like ggml's ne[]. The library's pseudo-keys
// version, tensor_count and kv_count are top-level fields, not metadata. Exit status 1 with
// the error on stderr when the library refuses the file.
import { gguf } from "@huggingface/gguf";

function plain(value) {
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number") {
        if (Number.isNaN(value)) return "NaN";
        if (value === Infinity) return "Infinity";
        if (value === -Infinity) return "-Infinity";
        if (Object.is(value, -0)) return "-0";
        return value;
    }
    if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value, plain);
    if (value !== null && typeof value === "object") {
        const out = {};
        for (const [k, v] of Object.entries(value)) out[k] = plain(v);
        return out;
    }
    return value;
}

const file = process.argv[2];
if (!file) {
    console.error("usage: node gguf-dump.mjs FILE.gguf");
    process.exit(2);
}

try {
    const parsed = await gguf(file, { allowLocalFile: true, typedMetadata: true });
    const pseudo = new Set(["version", "tensor_count", "kv_count"]);
    const metadata = {};
    const types = {};
    for (const [key, entry] of Object.entries(parsed.typedMetadata)) {
        if (pseudo.has(key)) continue;
        metadata[key] = plain(entry.value);
        types[key] = entry.subType === undefined ? { type: entry.type } : { type: entry.type, sub_type: entry.subType };
    }
    const out = {
        version: parsed.metadata.version,
        tensor_count: plain(parsed.metadata.tensor_count),
        kv_count: plain(parsed.metadata.kv_count),
        tensor_data_offset: plain(parsed.tensorDataOffset),
        little_endian: parsed.littleEndian,
        metadata,
        types,
        tensors: parsed.tensorInfos.map((t) => ({
            name: t.name,
            n_dims: t.n_dims,
            shape: plain(t.shape),
            dtype: t.dtype,
            offset: plain(t.offset),
        })),
    };
    process.stdout.write(JSON.stringify(out) + "\n");
} catch (err) {
    console.error(`gguf-dump: @huggingface/gguf refused ${file}: ${err?.stack ?? err}`);
    process.exit(1);
}
