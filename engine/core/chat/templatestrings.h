#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Python str semantics for the chat-template interpreter, over valid UTF-8: lengths,
// indices and slices count code points, case mapping and whitespace are Unicode-aware
// (ICU), so `'é'|upper` and `'\u3000x'.strip()` behave as in transformers.
namespace llmos::templatestrings {

std::u32string decode(std::string_view text);
std::string encode(std::u32string_view text);
std::size_t length(std::string_view text);

bool isSpace(char32_t cp);
std::string upper(std::string_view text);
std::string lower(std::string_view text);
std::string title(std::string_view text);      // str.title()
std::string capitalize(std::string_view text); // str.capitalize()

// str.strip/lstrip/rstrip: chars == nullptr strips whitespace.
std::string strip(std::string_view text, const std::string *chars, bool left, bool right);
// str.split: sep == nullptr splits on runs of whitespace; maxSplit < 0 means all.
std::vector<std::string> split(std::string_view text, const std::string *sep, long long maxSplit);
// str.replace; count < 0 replaces all. An empty `from` inserts between code points.
std::string replace(std::string_view text, std::string_view from, std::string_view to, long long count);
std::size_t wordCount(std::string_view text);

} // namespace llmos::templatestrings
