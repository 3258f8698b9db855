#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace llmos {

class TextGenerator;

// The model shapes of the engine benchmark (docs/PERFORMANCE.md): Llama-family decoders
// with random weights, so the figures can be reproduced anywhere without downloading a
// model. tests/tools/reference/bench_torch_eager.py builds the same shapes in PyTorch.
struct BenchmarkShape {
    std::string name;
    std::int64_t layers, hidden, heads, intermediate, vocab, context;
};

// "small" (6 layers, hidden 384, 6 heads, vocab 16384, context 256), "tiny" (4 layers,
// 256, 4 heads, vocab 8192) and "gpt2-small" (12 layers, 768, 12 heads, vocab 50304,
// context 1024; for GPUs); Error(InvalidInput) listing them for another name.
const BenchmarkShape &benchmarkShape(const std::string &name);

// Writes a Hugging Face folder for `shape`: config.json, random fp32 weights (normal,
// std 0.02, seeded) and a word-level tokenizer.json of "t0".."tN" so that any id decodes.
void writeBenchmarkModel(const std::string &folder, const BenchmarkShape &shape, std::uint64_t seed = 0);

struct BenchmarkFigures {
    std::int64_t batch = 1;
    std::int64_t promptTokens = 0;
    std::int64_t newTokens = 0;
    double prefillTokensPerSecond = 0; // batch × prompt tokens / time to first token
    double decodeTokensPerSecond = 0;  // batch × (new tokens - 1) / time after the first token
    double timeToFirstToken = 0;       // seconds
};

// Greedy generation of `newTokens` (EOS ignored) after random prompts of `promptTokens`,
// `batch` sequences at once, through TextGenerator as users run it; the best of
// `repeat` runs by decode speed.
BenchmarkFigures benchmarkGeneration(const TextGenerator &generator, std::int64_t batch, std::int64_t promptTokens,
                                     std::int64_t newTokens, int repeat);

// Memory copy bandwidth in bytes per second (the best of a few 256 MiB copies): what
// bounds batch-1 decoding, which must read every weight once per token.
double measureCopyBandwidth();

// Peak resident memory of this process so far, in bytes.
std::int64_t peakResidentBytes();

} // namespace llmos
