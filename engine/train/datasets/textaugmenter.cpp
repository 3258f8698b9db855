#include "datasets/textaugmenter.h"

#include "datasets/datasetsplit.h"

#include <algorithm>

namespace llmos {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Uniform in [0, 1) from the top 53 bits, as every double of that grid is exact.
double unitInterval(SplitMix64 &random)
{
    return static_cast<double>(random.next() >> 11) * 0x1.0p-53;
}

std::string joined(const std::vector<std::string_view> &words)
{
    std::string text;
    for (const auto word : words) {
        if (!text.empty())
            text += ' ';
        text += word;
    }
    return text;
}

} // namespace

std::vector<std::string_view> splitWords(std::string_view text)
{
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i]))
            ++i;
        const auto start = i;
        while (i < text.size() && !isSpace(text[i]))
            ++i;
        if (i > start)
            words.push_back(text.substr(start, i - start));
    }
    return words;
}

TextAugmenter::TextAugmenter(AugmentationSettings settings, SynonymTable synonyms)
    : m_settings(std::move(settings)), m_synonyms(std::move(synonyms))
{
}

std::vector<std::string> TextAugmenter::variants(std::string_view text, SplitMix64 &random) const
{
    std::vector<std::string> result;
    const auto original = joined(splitWords(text));
    for (std::int64_t copy = 0; copy < m_settings.copies; ++copy) {
        auto candidate = variant(text, random);
        if (candidate != original && std::find(result.begin(), result.end(), candidate) == result.end())
            result.push_back(std::move(candidate));
    }
    return result;
}

std::string TextAugmenter::variant(std::string_view text, SplitMix64 &random) const
{
    auto words = splitWords(text);
    replaceSynonyms(words, random);
    swapWords(words, random);
    deleteWords(words, random);
    return joined(words);
}

void TextAugmenter::replaceSynonyms(std::vector<std::string_view> &words, SplitMix64 &random) const
{
    if (m_synonyms.empty() || m_settings.synonymRate <= 0)
        return;
    for (auto &word : words) {
        const auto others = m_synonyms.alternatives(word);
        if (others.empty() || unitInterval(random) >= m_settings.synonymRate)
            continue;
        // The views point into the table, which outlives the variant being built.
        word = others[random.below(others.size())];
    }
}

void TextAugmenter::swapWords(std::vector<std::string_view> &words, SplitMix64 &random) const
{
    if (words.size() < 2)
        return;
    for (std::int64_t swap = 0; swap < m_settings.swaps; ++swap) {
        const auto first = random.below(words.size());
        // A second position other than the first, uniformly.
        auto second = random.below(words.size() - 1);
        if (second >= first)
            ++second;
        std::swap(words[first], words[second]);
    }
}

void TextAugmenter::deleteWords(std::vector<std::string_view> &words, SplitMix64 &random) const
{
    if (words.size() < 2 || m_settings.deletion <= 0)
        return;
    std::vector<std::string_view> kept;
    for (const auto word : words)
        if (unitInterval(random) >= m_settings.deletion)
            kept.push_back(word);
    if (kept.empty())
        kept.push_back(words[random.below(words.size())]);
    words = std::move(kept);
}

} // namespace llmos
