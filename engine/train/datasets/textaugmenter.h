#pragma once

#include "datasets/datasetspec.h"
#include "datasets/synonymtable.h"

#include <string>
#include <string_view>
#include <vector>

namespace llmos {

class SplitMix64;

// EDA's word-level operations (Wei & Zou 2019) on one text: synonym replacement from a
// user's list, random swap and random deletion, in that order. A word is a run of
// non-whitespace bytes; a variant joins its words with single spaces. A text of one word
// (CJK text without spaces is one word) is left to synonym replacement alone, and
// deletion never drops every word: when all would go, one random word stays.
// Random choices come from the caller's SplitMix64, so the same seed gives the same
// variants on every platform.
class TextAugmenter {
public:
    // `synonyms` may be empty (no replacement).
    TextAugmenter(AugmentationSettings settings, SynonymTable synonyms);

    // Up to settings.copies variants of `text`; a variant equal to the text (a short text
    // nothing happened to) or to an earlier variant is left out, so each one adds something.
    std::vector<std::string> variants(std::string_view text, SplitMix64 &random) const;

    // One variant.
    std::string variant(std::string_view text, SplitMix64 &random) const;

private:
    void replaceSynonyms(std::vector<std::string_view> &words, SplitMix64 &random) const;
    void swapWords(std::vector<std::string_view> &words, SplitMix64 &random) const;
    void deleteWords(std::vector<std::string_view> &words, SplitMix64 &random) const;

    AugmentationSettings m_settings;
    SynonymTable m_synonyms;
};

// The words of a text: its runs of bytes other than ASCII whitespace.
std::vector<std::string_view> splitWords(std::string_view text);

} // namespace llmos
