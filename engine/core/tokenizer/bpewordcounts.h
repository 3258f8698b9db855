#pragma once

#include "tokenizer/gguftokenizerkeys.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace llmos {

class PreTokenizer;

// The words of a corpus and how often each occurs, as BPE training needs them: each
// document is cut by the byte-level pre-tokenizer a trained tokenizer.json will name
// (built from that same JSON, so training and encoding cut text the same way), and
// each word is kept in its byte-level spelling.
class BpeWordCounts {
public:
    static constexpr std::string_view kGpt2Pattern = gguftokenizer::kGpt2Regex;

    // Throws Error(InvalidInput) when splitPattern does not compile.
    explicit BpeWordCounts(std::string_view splitPattern);
    ~BpeWordCounts();
    BpeWordCounts(BpeWordCounts &&) noexcept;
    BpeWordCounts &operator=(BpeWordCounts &&) noexcept;

    // Invalid UTF-8 becomes U+FFFD first, as the tokenizer's encode does.
    void add(std::string_view text);

    const std::unordered_map<std::string, std::uint64_t> &counts() const noexcept { return m_counts; }
    std::uint64_t documents() const noexcept { return m_documents; }
    std::uint64_t bytes() const noexcept { return m_bytes; }

private:
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::unordered_map<std::string, std::uint64_t> m_counts;
    std::uint64_t m_documents = 0;
    std::uint64_t m_bytes = 0;
};

} // namespace llmos
