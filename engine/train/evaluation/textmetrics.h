#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Metrics for generated text against references: corpus BLEU as sacreBLEU computes it
// and ROUGE-L as Google's rouge-score computes it, so figures can be put next to
// published ones. Text is UTF-8; invalid bytes are read as U+FFFD (Python, where both
// references live, never sees them).
namespace llmos {

// ---- BLEU ------------------------------------------------------------------------

enum class BleuTokenizer {
    Mteval13a, // sacreBLEU "13a" (its default): mteval-v13a punctuation splitting
    Zh,        // sacreBLEU "zh": every CJK character a token, then the 13a rules
    None,      // sacreBLEU "none": split on whitespace only
};

enum class BleuSmoothing {
    None,  // plain BLEU: any order without a match gives 0
    Exp,   // sacreBLEU's default ("exp", NIST mteval): the k-th empty order counts 1/2^k
    Floor, // an empty order counts smoothValue (default 0.1) matches
    AddK,  // orders 2..4 get smoothValue (default 1) added to matches and totals
};

struct BleuOptions {
    BleuTokenizer tokenizer = BleuTokenizer::Mteval13a;
    BleuSmoothing smoothing = BleuSmoothing::Exp;
    std::optional<double> smoothValue; // Floor and AddK only; empty = sacreBLEU's default
    // Averages over the orders that have n-grams only (sacreBLEU's effective_order, on
    // for its sentence_score, off for corpus_score).
    bool effectiveOrder = false;
};

struct BleuScore {
    double score = 0;                     // 0..100
    std::array<double, 4> precisions{};   // 0..100, after smoothing
    std::array<std::int64_t, 4> counts{}; // matched n-grams of each order (before add-k)
    std::array<std::int64_t, 4> totals{}; // hypothesis n-grams of each order (before add-k)
    double brevityPenalty = 0;
    std::int64_t sysLen = 0; // hypothesis tokens in the corpus
    std::int64_t refLen = 0; // for each hypothesis the closest reference length (shorter on a tie), summed
};

// Corpus BLEU-4, case-sensitive. references[i] holds the references of hypotheses[i]
// (any number, at least one non-empty; empty strings are skipped, as sacreBLEU skips
// them). Throws Error(InvalidInput) when the sizes differ or a hypothesis has no
// non-empty reference.
BleuScore corpusBleu(const std::vector<std::string> &hypotheses,
                     const std::vector<std::vector<std::string>> &references, const BleuOptions &options = {});

// The tokens BLEU counts for one segment (after sacreBLEU's rstrip).
std::vector<std::string> bleuTokens(std::string_view text, BleuTokenizer tokenizer = BleuTokenizer::Mteval13a);

// ---- ROUGE-L ---------------------------------------------------------------------

enum class RougeTokenizer {
    // rouge-score's default: lowercase, every character outside [a-z0-9] a separator
    // (so non-Latin text has no tokens at all).
    Default,
    // Unicode: lowercase, words are runs of letters, digits and marks in any script,
    // and each CJK ideograph or kana is a token of its own (Hangul words stay whole:
    // Korean puts spaces between words).
    Unicode,
};

struct RougeOptions {
    RougeTokenizer tokenizer = RougeTokenizer::Default;
    // The LCS takes time n*m; longer texts are refused rather than run for minutes.
    std::size_t maxTokens = 100'000;
};

struct RougeScore {
    double precision = 0; // LCS / prediction tokens, 0..1
    double recall = 0;    // LCS / reference tokens, 0..1
    double f1 = 0;        // 2PR / (P + R)
};

// One pair (rouge-score's score(target, prediction)['rougeL']). 0 when either side has
// no tokens. Throws Error(InvalidInput) when a side has more than options.maxTokens.
RougeScore rougeL(std::string_view prediction, std::string_view reference, const RougeOptions &options = {});

// Several references: the one with the highest F1 (the first on a tie), as rouge-score's
// score_multi. Throws Error(InvalidInput) when `references` is empty.
RougeScore rougeL(std::string_view prediction, const std::vector<std::string> &references,
                  const RougeOptions &options = {});

// The mean of each field over the pairs; all zero for no pairs. Throws Error(InvalidInput)
// when the sizes differ.
RougeScore corpusRougeL(const std::vector<std::string> &predictions, const std::vector<std::string> &references,
                        const RougeOptions &options = {});
RougeScore corpusRougeL(const std::vector<std::string> &predictions,
                        const std::vector<std::vector<std::string>> &references, const RougeOptions &options = {});

std::vector<std::string> rougeTokens(std::string_view text, RougeTokenizer tokenizer = RougeTokenizer::Default);

// Length of the longest common subsequence, in O(min(n, m)) memory and O(n * m) time.
std::size_t longestCommonSubsequence(const std::vector<std::string> &a, const std::vector<std::string> &b);

} // namespace llmos
