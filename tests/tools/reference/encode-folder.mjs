#!/usr/bin/env node
// Encodes and decodes texts with Hugging Face `tokenizers` (the Rust library's Node binding,
// pinned in package.json) for one tokenizer.json: the reference the GGUF -> Hugging Face
// export tests hold the exported tokenizer.json to.
//
//   node encode-folder.mjs TOKENIZER_JSON TEXTS_JSON
//
// TEXTS_JSON is a file holding a JSON list of strings. Prints one JSON list with an entry
// per text: {"ids": encode(text, add_special_tokens=true),
//            "ids_no_special": encode(text, add_special_tokens=false),
//            "decoded": decode(ids_no_special, skip_special_tokens=false)}.
// Exits 1, saying why on stderr, when the library refuses the tokenizer.json.
import { readFileSync } from 'node:fs';
import { Tokenizer } from 'tokenizers';

const [tokenizerPath, textsPath] = process.argv.slice(2);
if (!tokenizerPath || !textsPath) {
  console.error('usage: node encode-folder.mjs TOKENIZER_JSON TEXTS_JSON');
  process.exit(2);
}
let tokenizer;
try {
  tokenizer = Tokenizer.fromFile(tokenizerPath);
} catch (e) {
  console.error(`tokenizers refused ${tokenizerPath}: ${e.message}`);
  process.exit(1);
}
const out = [];
for (const text of JSON.parse(readFileSync(textsPath, 'utf8'))) {
  const withSpecial = await tokenizer.encode(text, null, { addSpecialTokens: true });
  const noSpecial = await tokenizer.encode(text, null, { addSpecialTokens: false });
  const ids = Array.from(noSpecial.getIds());
  out.push({ ids: Array.from(withSpecial.getIds()), ids_no_special: ids, decoded: await tokenizer.decode(ids, false) });
}
process.stdout.write(JSON.stringify(out) + '\n');
