#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace llmos {

// A compiled PCRE2 pattern (UTF + UCP, JIT when the platform has it) for the
// pre-tokenizers and normalizers. Patterns come from downloaded tokenizer.json files,
// so every match runs under a match limit and a heap limit: a pattern with nested
// quantifiers such as (a+)+ fails with an Error instead of running for hours.
// Never std::regex: it recurses per character and overflows the stack on long input.
class Regex {
public:
    enum class Syntax { Pattern, Literal };

    // Throws Error(Format, where, ...) when the pattern does not compile.
    Regex(std::string_view pattern, std::string where, Syntax syntax = Syntax::Pattern);
    ~Regex();
    Regex(const Regex &) = delete;
    Regex &operator=(const Regex &) = delete;

    using Span = std::pair<std::size_t, std::size_t>;

    // Every non-overlapping match, left to right, with the Rust regex rules for empty
    // matches (an empty match right after the previous match is skipped), which is
    // what the Hugging Face tokenizers see. Subject must be valid UTF-8.
    // Throws Error(InvalidInput) when the match limit is reached.
    std::vector<Span> findAll(std::string_view subject) const;

    // subject with every match replaced by `replacement` (taken literally).
    std::string replaceAll(std::string_view subject, std::string_view replacement) const;

    const std::string &pattern() const noexcept { return m_pattern; }

private:
    struct Compiled;
    std::unique_ptr<Compiled> m_compiled;
    std::string m_pattern;
    std::string m_where;
};

} // namespace llmos
