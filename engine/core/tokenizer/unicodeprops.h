#pragma once

#include <string>
#include <string_view>

// Unicode properties and transforms the tokenizers need, named after the Rust
// functions the Hugging Face tokenizers call, so each use reads like its original.
// Backed by ICU; the input is valid UTF-8.
namespace llmos::unicode {

enum class NormalForm { Nfc, Nfd, Nfkc, Nfkd };

std::string normalize(std::string_view text, NormalForm form);

// Rust `c.to_lowercase()` applied to each character on its own: full mappings
// (U+0130 becomes two code points) but no context, so a final sigma stays σ.
std::string lowercase(std::string_view text);

bool isWhitespace(char32_t cp);        // Rust char::is_whitespace (White_Space)
bool isAlphanumeric(char32_t cp);      // Rust char::is_alphanumeric (Alphabetic or N*)
bool isNumeric(char32_t cp);           // Rust char::is_numeric (N*)
bool isMark(char32_t cp);              // M*
bool isMarkNonspacing(char32_t cp);    // Mn
bool isPunctuation(char32_t cp);       // P*
// unicode_categories' is_other, which BERT's clean_text uses: Cc, Cf and Co only
// (unassigned code points and noncharacters stay).
bool isOther(char32_t cp);
bool isBertPunctuation(char32_t cp);   // ASCII punctuation or P*
bool isChineseChar(char32_t cp);       // the CJK blocks BERT surrounds with spaces

} // namespace llmos::unicode
