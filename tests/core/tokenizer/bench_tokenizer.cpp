// Encode throughput (MB/s) on the shapes of input that matter: English prose, CJK,
// 1 MB without whitespace and 1 MB of whitespace (BAD_INPUTS 22), and the time to
// load the tokenizer.json named by LLMOS_BENCH_TOKENIZER (BM_LoadTokenizer).
// The tokenizer is a real tokenizer.json when LLMOS_BENCH_TOKENIZER names one (e.g.
// the Llama-3 file from tests/tools/reference), else a byte-level
// tokenizer built here.

#include "tokenizer/loadtokenizer.h"
#include "tokenizer/utf8.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <memory>
#include <string>

namespace {

using nlohmann::json;

std::unique_ptr<llmos::Tokenizer> makeTokenizer()
{
    if (const char *path = std::getenv("LLMOS_BENCH_TOKENIZER")) return llmos::loadTokenizer(path);
    json vocab = json::object();
    char32_t extra = 256;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
        std::string t;
        llmos::utf8::append(t, printable ? static_cast<char32_t>(b) : extra++);
        vocab[t] = b;
    }
    const json doc = {{"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", json::array()}}},
                      {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}}}};
    return llmos::loadTokenizerJson(doc.dump());
}

const llmos::Tokenizer &tokenizer()
{
    static const auto t = makeTokenizer();
    return *t;
}

std::string repeatTo(const std::string &unit, std::size_t bytes)
{
    std::string out;
    while (out.size() < bytes) out += unit;
    return out;
}

void encodeBench(benchmark::State &state, const std::string &text)
{
    const llmos::Tokenizer &t = tokenizer();
    std::size_t tokens = 0;
    for (auto _ : state) {
        auto ids = t.encode(text, false);
        tokens = ids.size();
        benchmark::DoNotOptimize(ids);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
    state.counters["tokens"] = static_cast<double>(tokens);
}

// Input size: 1 MB unless LLMOS_BENCH_BYTES says otherwise (the comparison with the
// reference in docs/PERFORMANCE.md uses the same size on both sides).
const std::size_t kMegabyte = [] {
    const char *bytes = std::getenv("LLMOS_BENCH_BYTES");
    return bytes ? static_cast<std::size_t>(std::strtoull(bytes, nullptr, 10)) : std::size_t(1) << 20;
}();

void BM_EncodeEnglish(benchmark::State &state)
{
    static const std::string text = repeatTo(
        "The quick brown fox jumps over the lazy dog. It's 2024, and tokenizers aren't what they used to be: "
        "they're faster, they handle 12345 digits, URLs like https://example.com/a?b=c, and code such as "
        "`for (int i = 0; i < n; ++i) { sum += v[i]; }`.\n",
        kMegabyte);
    encodeBench(state, text);
}

void BM_EncodeCjk(benchmark::State &state)
{
    static const std::string text =
        repeatTo("\xE8\xAF\xAD\xE8\xA8\x80\xE6\xA8\xA1\xE5\x9E\x8B\xE6\x98\xAF\xE4\xB8\x80\xE7\xA7\x8D\xE4\xBA\xBA\xE5\xB7\xA5"
                 "\xE6\x99\xBA\xE8\x83\xBD\xE3\x80\x82\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD"
                 "\xE3\x82\xB9\xE3\x83\x88\xE3\x82\x82\xE3\x81\x82\xE3\x82\x8B\xE3\x80\x82",
                 kMegabyte);
    encodeBench(state, text);
}

void BM_EncodeNoWhitespace(benchmark::State &state)
{
    static const std::string text = repeatTo("abcdefghij", kMegabyte);
    encodeBench(state, text);
}

void BM_EncodeOnlyWhitespace(benchmark::State &state)
{
    static const std::string text = repeatTo(" ", kMegabyte);
    encodeBench(state, text);
}

// Loading a real tokenizer.json (Llama-3: 9 MB, 128k tokens, 280k merges): parse,
// vocabulary, merges, added tokens. Needs LLMOS_BENCH_TOKENIZER.
void BM_LoadTokenizer(benchmark::State &state)
{
    const char *path = std::getenv("LLMOS_BENCH_TOKENIZER");
    if (!path) {
        state.SkipWithError("set LLMOS_BENCH_TOKENIZER to a tokenizer.json to time its loading");
        return;
    }
    for (auto _ : state) {
        auto t = llmos::loadTokenizer(path);
        benchmark::DoNotOptimize(t);
    }
}

} // namespace

BENCHMARK(BM_LoadTokenizer)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeEnglish)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeCjk)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeNoWhitespace)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeOnlyWhitespace)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
