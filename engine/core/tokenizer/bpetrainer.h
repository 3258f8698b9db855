#pragma once

#include "tokenizer/bpewordcounts.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos {

class TextCorpus;

struct BpeTrainerOptions {
    // Special tokens + 256 byte symbols + merged tokens; training stops when the
    // vocabulary has this many tokens (or no pair is frequent enough).
    std::size_t vocabSize = 8000;
    // A pair seen fewer times than this over the corpus is never merged.
    std::uint64_t minFrequency = 0;
    // Ids 0.. in this order; each is one token that text never gets merged into.
    std::vector<std::string> specialTokens;
    // The longest token a merge may make, in bytes; 0 for no limit.
    std::size_t maxTokenLength = 0;
    // The regex that cuts text into words before the merges (GPT-2's by default).
    std::string splitPattern = std::string(BpeWordCounts::kGpt2Pattern);
};

// What training learned: a byte-level BPE vocabulary and its merges.
struct TrainedBpe {
    // Token strings by id, in the byte-level spelling tokenizer.json uses: the special
    // tokens, the 256 byte symbols (ordered by code point, as GPT-2's vocabulary), then
    // one token per merge in the order learned.
    std::vector<std::string> tokens;
    // Merges as (left id, right id), highest priority first.
    std::vector<std::pair<std::int32_t, std::int32_t>> merges;
    std::size_t specialCount = 0;
    std::string splitPattern;
};

// Learns a byte-level BPE tokenizer from text as Hugging Face tokenizers' BpeTrainer
// does, with its initial alphabet set to the 256 byte symbols: documents are cut into
// words by the split regex (through the same PreTokenizer the written tokenizer.json
// loads), words are counted, then the most frequent adjacent pair is merged again and
// again. Pair counts live in a priority queue with an index of the words each pair
// occurs in, so a merge touches only those words; the corpus is never recounted.
//
// Ties: of pairs with the same count, the one with the smaller (left id, right id)
// wins, as in Hugging Face's trainer, so ids and merges are the same on every run and
// every machine.
//
// Documents are streamed: only the word counts are kept, never the text.
class BpeTrainer {
public:
    // Throws Error(InvalidInput) for options that cannot train: a vocabulary smaller
    // than the 256 byte symbols plus the special tokens, an empty, repeated or
    // non-UTF-8 special token, a max token length of 1, a split regex that does not compile.
    explicit BpeTrainer(BpeTrainerOptions options);

    // Counts the words of one document (invalid UTF-8 becomes U+FFFD first, as encode
    // does). Throws Error(InvalidInput) when the split regex exceeds its budget.
    void addDocument(std::string_view text) { m_words.add(text); }
    // Every document of corpus; progress(fraction of its bytes read). Throws as
    // TextCorpus::forEachDocument does (Error(Cancelled) when stop is requested).
    using Progress = std::function<void(double)>;
    void addCorpus(const TextCorpus &corpus, const Progress &progress = {}, std::stop_token stop = {});

    const BpeWordCounts &wordCounts() const noexcept { return m_words; }

    // progress(fraction of the merges done) is called every few merges. Throws
    // Error(Cancelled) when stop is requested and Error(InvalidInput) when no document
    // held any text. Can be called more than once; training does not change the counts.
    TrainedBpe train(const Progress &progress = {}, std::stop_token stop = {}) const;

    const BpeTrainerOptions &options() const noexcept { return m_options; }

private:
    BpeTrainerOptions m_options;
    BpeWordCounts m_words;
};

} // namespace llmos
