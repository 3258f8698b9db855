// Reference encode throughput: Hugging Face's tokenizers (the Rust library through its
// Node binding) on the same inputs as tests/core/tokenizer/bench_tokenizer.cpp, so the
// C++ figures can be given as a ratio measured in the same run (see docs/PERFORMANCE.md).
// Usage: node bench-reference.mjs path/to/tokenizer.json [BYTES]  (default 1 MB, as the C++ bench)
import { performance } from 'node:perf_hooks';

const { Tokenizer } = await import('tokenizers');
const path = process.argv[2];
if (!path) {
  console.error('usage: node bench-reference.mjs TOKENIZER_JSON');
  process.exit(2);
}
const tok = Tokenizer.fromFile(path);
const MB = 1 << 20;
const size = Number(process.argv[3] || MB);
const repeatTo = (unit, bytes) => {
  let s = '';
  while (Buffer.byteLength(s) < bytes) s += unit;
  return s;
};
const inputs = {
  English: repeatTo("The quick brown fox jumps over the lazy dog. It's 2024, and tokenizers aren't what they used to be: " +
    "they're faster, they handle 12345 digits, URLs like https://example.com/a?b=c, and code such as " +
    '`for (int i = 0; i < n; ++i) { sum += v[i]; }`.\n', size),
  Cjk: repeatTo('语言模型是一种人工智能。日本語のテキストもある。', size),
  NoWhitespace: repeatTo('abcdefghij', size),
  OnlyWhitespace: repeatTo(' ', size),
};
for (const [name, text] of Object.entries(inputs)) {
  const bytes = Buffer.byteLength(text);
  await tok.encode(text, null, { addSpecialTokens: false }); // warm-up
  let runs = 0;
  let tokens = 0;
  const start = performance.now();
  while (runs < 3 || performance.now() - start < 1000) {
    tokens = (await tok.encode(text, null, { addSpecialTokens: false })).getIds().length;
    ++runs;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ name, mb_per_s: (bytes * runs) / seconds / MB, tokens }));
}
