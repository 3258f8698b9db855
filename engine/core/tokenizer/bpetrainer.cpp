#include "tokenizer/bpetrainer.h"

#include "tokenizer/bytelevelmap.h"
#include "tokenizer/textcorpus.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <queue>
#include <unordered_map>
#include <unordered_set>

namespace llmos {

namespace {

constexpr std::size_t kByteSymbols = 256;
constexpr const char *kWhere = "tokenizer training";

using Pair = std::uint64_t; // left id << 32 | right id: ordering the keys orders the pairs

Pair pairOf(std::int32_t left, std::int32_t right)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) | static_cast<std::uint32_t>(right);
}

std::int32_t leftOf(Pair pair) { return static_cast<std::int32_t>(pair >> 32); }
std::int32_t rightOf(Pair pair) { return static_cast<std::int32_t>(pair & 0xFFFFFFFFu); }

// The heap's order: the higher count first, then the smaller pair (Hugging Face's rule).
struct QueueEntry {
    std::int64_t count;
    Pair pair;
    bool operator<(const QueueEntry &other) const
    {
        if (count != other.count)
            return count < other.count;
        return pair > other.pair;
    }
};

struct PairState {
    std::int64_t count = 0;
    // The words the pair was seen in (possibly no longer): a merge visits only these.
    std::vector<std::uint32_t> words;

    void noteWord(std::uint32_t word)
    {
        if (words.empty() || words.back() != word)
            words.push_back(word);
    }
};

// The training state: every distinct word as a run of token ids in one flat array,
// the pair counts and their priority queue.
class MergeLearner {
public:
    MergeLearner(const BpeTrainerOptions &options, const std::unordered_map<std::string, std::uint64_t> &wordCounts)
        : m_options(options)
    {
        addSpecialTokens();
        addByteSymbols();
        splitWords(wordCounts);
        countPairs();
    }

    TrainedBpe learn(const BpeTrainer::Progress &progress, std::stop_token stop)
    {
        const std::size_t target = m_options.vocabSize;
        const std::size_t initial = m_tokens.size();
        const std::size_t reportEvery = std::max<std::size_t>(1, (target - std::min(target, initial)) / 200);
        std::size_t sinceReport = 0;
        while (m_tokens.size() < target && !m_queue.empty()) {
            QueueEntry top = m_queue.top();
            m_queue.pop();
            PairState &state = m_pairs[top.pair];
            if (top.count != state.count) { // stale: counts changed since it was queued
                top.count = state.count;
                m_queue.push(top);
                continue;
            }
            if (top.count < 1 || static_cast<std::uint64_t>(top.count) < m_options.minFrequency)
                break;
            mergePair(top.pair, std::exchange(state.words, {}));
            if (++sinceReport >= reportEvery) {
                sinceReport = 0;
                if (stop.stop_requested())
                    throw Error(ErrorKind::Cancelled, kWhere, "cancelled");
                if (progress)
                    progress(static_cast<double>(m_tokens.size() - initial) / static_cast<double>(target - initial));
            }
        }
        if (stop.stop_requested())
            throw Error(ErrorKind::Cancelled, kWhere, "cancelled");
        if (progress)
            progress(1.0);
        return {std::move(m_tokens), std::move(m_merges), m_options.specialTokens.size(), m_options.splitPattern};
    }

private:
    std::int32_t addToken(std::string text)
    {
        const auto id = static_cast<std::int32_t>(m_tokens.size());
        m_ids.emplace(text, id);
        m_tokens.push_back(std::move(text));
        m_lengths.push_back(0);
        return id;
    }

    void addSpecialTokens()
    {
        for (const std::string &special : m_options.specialTokens)
            addToken(special);
    }

    // In code point order, as Hugging Face sorts the alphabet: GPT-2's order.
    void addByteSymbols()
    {
        const ByteLevelMap &map = ByteLevelMap::instance();
        std::array<std::pair<char32_t, unsigned char>, kByteSymbols> symbols{};
        for (std::size_t b = 0; b < kByteSymbols; ++b) {
            const std::string text = map.encode(std::string(1, static_cast<char>(b)));
            std::size_t pos = 0;
            symbols[b] = {utf8::next(text, pos), static_cast<unsigned char>(b)};
        }
        std::sort(symbols.begin(), symbols.end());
        for (const auto &[cp, byte] : symbols) {
            std::string text;
            utf8::append(text, cp);
            // A special token spelled as one byte symbol stands for it, as in Hugging Face.
            const auto existing = m_ids.find(text);
            const std::int32_t id = existing != m_ids.end() ? existing->second : addToken(std::move(text));
            m_byteSymbol[byte] = id;
            m_lengths[static_cast<std::size_t>(id)] = 1;
        }
    }

    // Every word as byte symbol ids. Words are visited in a fixed order (sorted), so
    // the state is the same on every run; the result does not depend on it anyway.
    void splitWords(const std::unordered_map<std::string, std::uint64_t> &wordCounts)
    {
        std::vector<const std::pair<const std::string, std::uint64_t> *> sorted;
        sorted.reserve(wordCounts.size());
        for (const auto &entry : wordCounts)
            sorted.push_back(&entry);
        std::sort(sorted.begin(), sorted.end(), [](auto *a, auto *b) { return a->first < b->first; });
        if (sorted.size() > std::numeric_limits<std::uint32_t>::max())
            throw Error(ErrorKind::InvalidInput, kWhere, "the corpus has more than 4 billion distinct words");
        const ByteLevelMap &map = ByteLevelMap::instance();
        m_words.reserve(sorted.size());
        m_counts.reserve(sorted.size());
        for (const auto *entry : sorted) {
            const std::string &word = entry->first;
            const std::size_t begin = m_symbols.size();
            std::size_t pos = 0;
            while (pos < word.size()) {
                const auto byte = map.byteOf(utf8::next(word, pos));
                if (!byte) // the pre-tokenizer's ByteLevel step spells every byte as a symbol
                    throw Error(ErrorKind::Internal, kWhere, "a pre-tokenized word is not in byte-level spelling");
                m_symbols.push_back(m_byteSymbol[*byte]);
            }
            m_words.push_back({begin, static_cast<std::uint32_t>(m_symbols.size() - begin)});
            m_counts.push_back(static_cast<std::int64_t>(std::min<std::uint64_t>(
                entry->second, static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))));
        }
    }

    bool fits(std::int32_t left, std::int32_t right) const
    {
        return m_options.maxTokenLength == 0 ||
               m_lengths[static_cast<std::size_t>(left)] + m_lengths[static_cast<std::size_t>(right)] <=
                   m_options.maxTokenLength;
    }

    void countPairs()
    {
        for (std::uint32_t w = 0; w < m_words.size(); ++w) {
            const auto [begin, length] = m_words[w];
            for (std::size_t i = begin; i + 1 < begin + length; ++i) {
                if (!fits(m_symbols[i], m_symbols[i + 1]))
                    continue;
                PairState &state = m_pairs[pairOf(m_symbols[i], m_symbols[i + 1])];
                state.count += m_counts[w];
                state.noteWord(w);
            }
        }
        for (const auto &[pair, state] : m_pairs)
            if (state.count > 0)
                m_queue.push({state.count, pair});
    }

    void change(Pair pair, std::int64_t delta, std::uint32_t word)
    {
        PairState &state = m_pairs[pair];
        state.count += delta;
        if (delta > 0) {
            state.noteWord(word);
            m_touched.push_back(pair);
        }
    }

    // Replaces every (left, right) in one word by merged, left to right, and updates the
    // counts of the pairs around each replacement (Hugging Face's Word::merge).
    void mergeInWord(std::uint32_t w, std::int32_t left, std::int32_t right, std::int32_t merged)
    {
        const auto [begin, length] = m_words[w];
        const std::int64_t count = m_counts[w];
        std::int32_t *symbols = m_symbols.data() + begin;
        std::size_t out = 0;
        std::size_t in = 0;
        while (in < length) {
            if (symbols[in] == left && in + 1 < length && symbols[in + 1] == right) {
                if (out > 0) {
                    const std::int32_t before = symbols[out - 1];
                    if (fits(before, left)) // a pair too long was never counted
                        change(pairOf(before, left), -count, w);
                    if (fits(before, merged))
                        change(pairOf(before, merged), count, w);
                }
                symbols[out++] = merged;
                in += 2;
                if (in < length) {
                    const std::int32_t after = symbols[in];
                    if (fits(right, after))
                        change(pairOf(right, after), -count, w);
                    if (fits(merged, after))
                        change(pairOf(merged, after), count, w);
                }
            } else {
                symbols[out++] = symbols[in++];
            }
        }
        m_words[w].length = static_cast<std::uint32_t>(out);
    }

    void mergePair(Pair pair, std::vector<std::uint32_t> words)
    {
        const std::int32_t left = leftOf(pair);
        const std::int32_t right = rightOf(pair);
        std::string text = m_tokens[static_cast<std::size_t>(left)] + m_tokens[static_cast<std::size_t>(right)];
        // Two merges can spell the same token ("ab"+"c", "a"+"bc"): it keeps one id.
        const auto existing = m_ids.find(text);
        const std::int32_t merged = existing != m_ids.end() ? existing->second : addToken(std::move(text));
        m_lengths[static_cast<std::size_t>(merged)] =
            m_lengths[static_cast<std::size_t>(left)] + m_lengths[static_cast<std::size_t>(right)];
        m_merges.emplace_back(left, right);

        m_touched.clear();
        for (const std::uint32_t w : words)
            mergeInWord(w, left, right, merged);
        // Pairs that gained occurrences go (back) into the queue with their new count.
        std::sort(m_touched.begin(), m_touched.end());
        m_touched.erase(std::unique(m_touched.begin(), m_touched.end()), m_touched.end());
        for (const Pair touched : m_touched)
            if (const std::int64_t count = m_pairs[touched].count; count > 0)
                m_queue.push({count, touched});
    }

    struct WordSpan {
        std::size_t begin;
        std::uint32_t length;
    };

    const BpeTrainerOptions &m_options;
    std::vector<std::string> m_tokens;
    std::unordered_map<std::string, std::int32_t> m_ids;
    std::vector<std::size_t> m_lengths; // in bytes
    std::array<std::int32_t, kByteSymbols> m_byteSymbol{};
    std::vector<std::int32_t> m_symbols;
    std::vector<WordSpan> m_words;
    std::vector<std::int64_t> m_counts;
    std::unordered_map<Pair, PairState> m_pairs;
    std::priority_queue<QueueEntry> m_queue;
    std::vector<Pair> m_touched;
    std::vector<std::pair<std::int32_t, std::int32_t>> m_merges;
};

void checkOptions(const BpeTrainerOptions &options)
{
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < options.specialTokens.size(); ++i) {
        const std::string &special = options.specialTokens[i];
        const std::string where = fmt::format("special token {}", i + 1);
        if (special.empty())
            throw Error(ErrorKind::InvalidInput, where, "a special token cannot be empty");
        if (!utf8::isValid(special))
            throw Error(ErrorKind::InvalidInput, where, "the special token is not valid UTF-8");
        if (!seen.insert(special).second)
            throw Error(ErrorKind::InvalidInput, where, fmt::format("'{}' is listed twice", special));
    }
    const std::size_t smallest = kByteSymbols + options.specialTokens.size();
    if (options.vocabSize < smallest)
        throw Error(ErrorKind::InvalidInput, "vocab size",
                    fmt::format("{} is too small: the 256 byte symbols and {} special tokens already take {}; "
                                "choose at least {}",
                                options.vocabSize, options.specialTokens.size(), smallest, smallest));
    if (options.vocabSize > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw Error(ErrorKind::InvalidInput, "vocab size",
                    fmt::format("{} does not fit 32-bit token ids", options.vocabSize));
    if (options.maxTokenLength == 1)
        throw Error(ErrorKind::InvalidInput, "max token length",
                    "1 allows no merge at all; give 0 for no limit or at least 2");
}

} // namespace

BpeTrainer::BpeTrainer(BpeTrainerOptions options)
    : m_options((checkOptions(options), std::move(options)))
    , m_words(m_options.splitPattern)
{
}

void BpeTrainer::addCorpus(const TextCorpus &corpus, const Progress &progress, std::stop_token stop)
{
    corpus.forEachDocument([this](std::string_view document) { m_words.add(document); },
                           [&](std::uint64_t read, std::uint64_t total) {
                               if (progress)
                                   progress(total ? static_cast<double>(read) / static_cast<double>(total) : 1.0);
                           },
                           stop);
}

TrainedBpe BpeTrainer::train(const Progress &progress, std::stop_token stop) const
{
    if (m_words.counts().empty())
        throw Error(ErrorKind::InvalidInput, kWhere,
                    m_words.documents() == 0 ? "the corpus is empty: give at least one document"
                                             : "the corpus has no text: every document is empty");
    MergeLearner learner(m_options, m_words.counts());
    return learner.learn(progress, stop);
}

} // namespace llmos
