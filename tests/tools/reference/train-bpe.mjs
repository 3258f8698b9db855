#!/usr/bin/env node
// Trains a byte-level BPE with Hugging Face `tokenizers` (the Rust library's Node binding,
// pinned in package.json): the reference the llmos BPE trainer's merges are held to.
//
//   node train-bpe.mjs CORPUS_FILE... OUT_TOKENIZER_JSON
//
// The model's default BpeTrainer (vocab_size 30000, min_frequency 0, no special tokens,
// alphabet = the characters seen) on the GPT-2 ByteLevel pre-tokenizer without a prefix
// space; the library reads each file line by line, keeping the line ends. Writes the
// trained tokenizer.json. Exits 1, saying why on stderr, when training fails.
import { BPE, Tokenizer, byteLevelPreTokenizer } from 'tokenizers';

const args = process.argv.slice(2);
if (args.length < 2) {
  console.error('usage: node train-bpe.mjs CORPUS_FILE... OUT_TOKENIZER_JSON');
  process.exit(2);
}
const out = args.pop();
try {
  const tokenizer = new Tokenizer(BPE.empty());
  tokenizer.setPreTokenizer(byteLevelPreTokenizer(false, true));
  tokenizer.train(args);
  tokenizer.save(out);
} catch (e) {
  console.error(`tokenizers could not train: ${e.message}`);
  process.exit(1);
}
