#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// UTF-8 helpers shared by the tokenizers. Everything past sanitize() assumes valid
// UTF-8, so sanitize() is the one door through which user text comes in.
namespace llmos::utf8 {

// Replaces every maximal invalid subpart by U+FFFD, the way WHATWG TextDecoder and
// Rust's String::from_utf8_lossy do, so our ids match the Rust tokenizers on bad input.
std::string sanitize(std::string_view bytes);

bool isValid(std::string_view bytes);

// Length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
inline std::size_t sequenceLength(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Decodes the code point at text[pos] of valid UTF-8 and advances pos past it.
char32_t next(std::string_view text, std::size_t &pos);

// Decodes the code point that ends at text[pos - 1] and moves pos back to its start.
char32_t previous(std::string_view text, std::size_t &pos);

void append(std::string &out, char32_t cp);

std::size_t countCodePoints(std::string_view text);

} // namespace llmos::utf8
