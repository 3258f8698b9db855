// The official `openai` client (pinned 6.x in package.json) against `llmos serve`, as a
// user's program would use it, unchanged but for baseURL and apiKey. Starts the server
// itself (port 0, --json), runs models, chat (whole and streamed), completions and, with
// an embedding model, embeddings (the client asks for base64 and decodes it), then stops
// the server with SIGTERM and checks it exits cleanly. Prints one JSON object with
// what it saw; tests/e2e/test_openai_client.cpp makes the assertions.
//
// With FINE_TUNE_MODEL (a model registered in LLMOS_HOME), also the fine-tuning API: a
// chat JSONL uploaded with files.create, a job created, followed to its end, its events and
// checkpoints listed, and its fine-tuned model asked a question.
//
// Usage: [LLMOS_HOME=DIR FINE_TUNE_MODEL=NAME] node openai-client.mjs LLMOS_EXECUTABLE MODEL_FOLDER [EMBEDDING_MODEL_FOLDER]
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import OpenAI, { toFile } from "openai";

const [exe, modelFolder, embeddingFolder] = process.argv.slice(2);
const fineTuneModel = process.env.FINE_TUNE_MODEL;

async function fineTune(client) {
  let lines = "";
  for (let i = 0; i < 6; i++)
    lines += JSON.stringify({ messages: [{ role: "user", content: `tell me a joke ${i}` },
                                         { role: "assistant", content: "the fox jumps over the dog" }] }) + "\n";
  const file = await client.files.create({ file: await toFile(Buffer.from(lines), "jokes.jsonl"), purpose: "fine-tune" });
  const created = await client.fineTuning.jobs.create({
    model: fineTuneModel, training_file: file.id, suffix: "e2e", seed: 1,
    method: { type: "supervised", supervised: { hyperparameters: { n_epochs: 2, batch_size: 2 } } },
    // Beyond OpenAI's fields: recipe sections (a checkpoint every 2 steps).
    llmos_recipe: { training: { checkpoint_every: 2 } },
  });
  let job = created;
  const deadline = Date.now() + 300_000;
  while (!["succeeded", "failed", "cancelled"].includes(job.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await client.fineTuning.jobs.retrieve(created.id);
  }
  const events = [];
  for await (const event of client.fineTuning.jobs.listEvents(job.id, { limit: 5 })) events.push(event);
  const checkpoints = [];
  for await (const checkpoint of client.fineTuning.jobs.checkpoints.list(job.id)) checkpoints.push(checkpoint);
  const listed = [];
  for await (const listedJob of client.fineTuning.jobs.list()) listed.push(listedJob.id);
  const answer = job.fine_tuned_model
    ? await client.chat.completions.create({ model: job.fine_tuned_model, max_tokens: 4,
                                             messages: [{ role: "user", content: "tell me a joke 1" }] })
    : null;
  const deleted = await client.files.delete(file.id);
  return {
    file: { id: file.id, object: file.object, bytes: file.bytes, filename: file.filename, purpose: file.purpose },
    createdStatus: created.status,
    job: { id: job.id, status: job.status, fine_tuned_model: job.fine_tuned_model, error: job.error,
           trained_tokens: job.trained_tokens, hyperparameters: job.hyperparameters, training_file: job.training_file },
    events: events.map((e) => ({ type: e.type, message: e.message, data: e.data })),
    checkpoints: checkpoints.map((c) => ({ step: c.step_number, metrics: c.metrics, job: c.fine_tuning_job_id })),
    listed,
    answerModel: answer?.model ?? null,
    deleted: deleted.deleted,
  };
}
const key = "sk-llmos-test-key";
const served = ["--model", modelFolder, ...(embeddingFolder ? ["--model", embeddingFolder] : [])];
const server = spawn(exe, ["serve", ...served, "--port", "0", "--api-key", key, "--json"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
const lines = createInterface({ input: server.stdout });
const events = [];
const listening = new Promise((resolve, reject) => {
  lines.on("line", (line) => {
    const event = JSON.parse(line);
    events.push(event);
    if (event.event === "listening") resolve(event);
  });
  exited.then((how) => reject(new Error(`llmos serve exited before listening: ${JSON.stringify(how)}`)));
});

const seen = {};
try {
  const { port, models } = await listening;
  const client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: key, maxRetries: 0 });
  const model = models[0];
  if (embeddingFolder) {
    const embedded = await client.embeddings.create({ model: models[1], input: ["the cat sat", "a dog ran far"] });
    seen.embeddings = { count: embedded.data.length, first: embedded.data[0].embedding, usage: embedded.usage };
  }

  seen.models = (await client.models.list()).data.map((m) => m.id);

  const messages = [{ role: "user", content: "Hello there" }];
  const chat = await client.chat.completions.create({ model, messages, max_tokens: 12, temperature: 1, seed: 5 });
  seen.chat = { content: chat.choices[0].message.content, role: chat.choices[0].message.role,
                finish_reason: chat.choices[0].finish_reason, usage: chat.usage };

  const stream = await client.chat.completions.create({ model, messages, max_tokens: 12, temperature: 1, seed: 5,
                                                        stream: true, stream_options: { include_usage: true } });
  let streamed = "";
  let chunks = 0;
  let usage = null;
  for await (const chunk of stream) {
    chunks += 1;
    if (chunk.usage) usage = chunk.usage;
    for (const choice of chunk.choices) streamed += choice.delta?.content ?? "";
  }
  seen.stream = { content: streamed, chunks, usage };

  const completion = await client.completions.create({ model, prompt: "Once upon", max_tokens: 8, n: 2, seed: 3,
                                                       temperature: 1 });
  seen.completion = { texts: completion.choices.map((c) => c.text), object: completion.object };

  if (fineTuneModel) seen.fineTune = await fineTune(client);

  try {
    await client.chat.completions.create({ model: "no-such-model", messages });
  } catch (error) {
    seen.missing = { status: error.status, code: error.code, type: error.type, param: error.param };
  }
  const wrongKey = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: "wrong", maxRetries: 0 });
  try {
    await wrongKey.models.list();
  } catch (error) {
    seen.unauthorized = { status: error.status, code: error.code };
  }
} catch (error) {
  seen.failure = String(error?.stack ?? error);
} finally {
  server.kill("SIGTERM");
  seen.exit = await exited;
  seen.events = events.map((e) => e.event);
  console.log(JSON.stringify(seen));
}
