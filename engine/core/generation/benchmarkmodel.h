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

// How fast this machine reads `bytes` of fp32 weights over and over, as batch-1 decoding
// does: the best of a few OpenBLAS matrix-vector products (torch::mv) of that size, in
// bytes per second. On a CPU whose last-level cache holds the weights (this project's
// development machine has 480 MiB of L3) this is well above the memory copy bandwidth,
// and it, not the copy bandwidth, is what bounds decoding.
double measureWeightReadBandwidth(std::int64_t bytes);

// Peak resident memory of this process so far (or since restartPeakResidentCount), in bytes.
std::int64_t peakResidentBytes();

// Makes the peak start again from what is resident now, so a benchmark's peak leaves out
// its own set-up (writing the random model). False where the system cannot (not Linux).
bool restartPeakResidentCount();

} // namespace llmos
