#include "text/privatedatamasker.h"

#include "util/error.h"

#include <pcre2.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

namespace llmos {

namespace {

const std::string kWhere = "private data masking";

// Per pcre2_match call. The patterns below need a few steps per byte, so 1 MB of text
// stays far below; the limits only turn a mistake in a pattern into an error, not a hang.
constexpr uint32_t kMatchLimit = 50'000'000;
constexpr uint32_t kHeapLimitKiB = 64 * 1024;

enum class Kind { Email, Phone, Card, Id };

// What the C++ side still checks after a pattern matched: the things a regex cannot
// say (checksums) or says only with ambiguous, backtracking-prone repeats (digit counts).
enum class Check { None, PhoneDigits, Card, ChineseId };

// Digits stand alone: no ASCII letter or digit touching them, and no "1." / "1-" in front
// or ".1" / "-1" behind, so a piece of a version, date or longer code never matches.
#define LLMOS_BEFORE R"((?<![0-9A-Za-z])(?<![0-9][.-]))"
#define LLMOS_AFTER R"((?![0-9A-Za-z])(?![.-][0-9]))"
// A letter or digit of an address, in any script but the CJK ones: Chinese and Japanese
// text has no spaces, so an address written in them could not be told from the
// sentence around it ("请发邮件到john@example.com联系" must mask only the address).
#define LLMOS_ADDRESS_CHAR R"([^\P{Xan}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])"
#define LLMOS_ADDRESS_LETTER R"([^\P{L}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}])"

struct PatternSpec {
    Kind kind;
    Check check;
    const char *name;
    const char *pattern;
};

// In order of preference: a later match that overlaps an earlier one is dropped. Every
// repeat that could give back characters is either possessive or bounded by a small
// count, and every pattern starts only where its lookbehind allows, so scanning is
// linear in the text.
// clang-format off
const PatternSpec kPatterns[] = {
    // local@domain.tld. The local part starts only at the start of its run (the
    // lookbehind), so a long run without '@' is read once, not once per position. A
    // label's dot must be followed by another label, so a sentence's full stop after
    // the address is not taken into the (possessive) run of labels.
    {Kind::Email, Check::None, "email",
     R"((?<!)" LLMOS_ADDRESS_CHAR R"(|[._%+-]))" //
     R"((?:)" LLMOS_ADDRESS_CHAR R"(|[_%+-])++(?:\.(?:)" LLMOS_ADDRESS_CHAR R"(|[_%+-])++)*+)" //
     R"(@(?:)" LLMOS_ADDRESS_CHAR R"((?:(?:)" LLMOS_ADDRESS_CHAR R"(|-){0,61})" LLMOS_ADDRESS_CHAR R"()?\.(?=)" LLMOS_ADDRESS_CHAR R"())++)" //
     R"((?:)" LLMOS_ADDRESS_LETTER R"({2,63}|xn--[A-Za-z0-9-]{1,59}))" //
     R"((?!)" LLMOS_ADDRESS_CHAR R"(|[_-]|\.)" LLMOS_ADDRESS_CHAR R"())"},
    // Chinese resident ID: 6-digit region, birth date 18xx-20xx, 3-digit sequence, check
    // character. The date keeps most random 18-digit numbers out before the checksum.
    {Kind::Id, Check::ChineseId, "Chinese resident ID",
     LLMOS_BEFORE R"([1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])" LLMOS_AFTER},
    // Cards: one unbroken run, or groups of 3-6 digits split by a space or a dash.
    {Kind::Card, Check::Card, "card",
     LLMOS_BEFORE R"([2-6](?:[0-9]{12,18}|[0-9]{2,5}+(?:[ -][0-9]{3,6}+)++))" LLMOS_AFTER},
    // US SSN; the invalid areas, groups and serials are refused by the pattern itself.
    {Kind::Id, Check::None, "SSN",
     LLMOS_BEFORE R"((?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4})" LLMOS_AFTER},
    // +CC then groups: "+44 20 7946 0958", "+1 (555) 123-4567", "+49-30-123456".
    {Kind::Phone, Check::PhoneDigits, "international phone",
     R"((?<![0-9A-Za-z+])\+[1-9][0-9]*+(?:[ .-]?\([0-9]{1,4}\)|[ .-][0-9]++|(?<=\))[0-9]++)*+)" LLMOS_AFTER},
    // US: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-1234 (one separator kind).
    {Kind::Phone, Check::PhoneDigits, "US phone",
     LLMOS_BEFORE R"((?:(?:1[ .-]?)?\([0-9]{3}\)[ .-]?[0-9]{3}[ .-]|(?:1[.-])?[0-9]{3}([.-])[0-9]{3}\1)[0-9]{4})" LLMOS_AFTER},
    // Chinese mobiles: 13812345678, 138 1234 5678, 138-1234-5678, +86 / 0086 / (+86) in front.
    {Kind::Phone, Check::PhoneDigits, "Chinese mobile",
     LLMOS_BEFORE R"((?:(?:\+|00)86[ -]?|\(\+?86\)[ -]?)?1[3-9][0-9](?:[0-9]{8}|([ -])[0-9]{4}\1[0-9]{4}))" LLMOS_AFTER},
    // Chinese landlines: 010-12345678, 0755-1234567, (021) 12345678.
    {Kind::Phone, Check::PhoneDigits, "Chinese landline",
     LLMOS_BEFORE R"((?:\(0[1-9][0-9]{1,2}\) ?|0[1-9][0-9]{1,2}-)[1-9][0-9]{6,7})" LLMOS_AFTER},
};
// clang-format on

#undef LLMOS_BEFORE
#undef LLMOS_AFTER
#undef LLMOS_ADDRESS_CHAR
#undef LLMOS_ADDRESS_LETTER

std::string pcre2Message(int code)
{
    PCRE2_UCHAR buffer[256];
    if (pcre2_get_error_message(code, buffer, sizeof buffer) < 0)
        return fmt::format("PCRE2 error {}", code);
    return reinterpret_cast<const char *>(buffer);
}

struct CompiledPatterns {
    std::vector<pcre2_code *> codes;

    CompiledPatterns()
    {
        // MATCH_INVALID_UTF: invalid UTF-8 is allowed in the subject and simply never
        // matches, so user text needs no check or repair before masking.
        const uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
        for (const PatternSpec &spec : kPatterns) {
            int errorCode = 0;
            PCRE2_SIZE errorOffset = 0;
            pcre2_code *code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(spec.pattern), PCRE2_ZERO_TERMINATED, options,
                                             &errorCode, &errorOffset, nullptr);
            if (!code) {
                free();
                throw Error(ErrorKind::Internal, kWhere,
                            fmt::format("the {} pattern does not compile at character {}: {}", spec.name, errorOffset,
                                        pcre2Message(errorCode)));
            }
            pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // an optimisation: the interpreter runs without it
            codes.push_back(code);
        }
    }
    ~CompiledPatterns() { free(); }
    CompiledPatterns(const CompiledPatterns &) = delete;
    CompiledPatterns &operator=(const CompiledPatterns &) = delete;

    void free()
    {
        for (pcre2_code *code : codes)
            pcre2_code_free(code);
        codes.clear();
    }
};

const CompiledPatterns &compiledPatterns()
{
    static const CompiledPatterns patterns;
    return patterns;
}

// One call's match context, JIT stack and match data (JIT stacks are not shareable
// between threads, so each call has its own).
class MatchState {
public:
    MatchState()
    {
        m_context = pcre2_match_context_create(nullptr);
        m_data = pcre2_match_data_create(16, nullptr);
        m_jitStack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, nullptr);
        if (!m_context || !m_data) {
            release();
            throw std::bad_alloc();
        }
        pcre2_set_match_limit(m_context, kMatchLimit);
        pcre2_set_heap_limit(m_context, kHeapLimitKiB);
        if (m_jitStack)
            pcre2_jit_stack_assign(m_context, nullptr, m_jitStack);
    }
    ~MatchState() { release(); }
    MatchState(const MatchState &) = delete;
    MatchState &operator=(const MatchState &) = delete;

    // The first match at or after `start`, or false.
    bool find(const pcre2_code *code, const PatternSpec &spec, std::string_view subject, std::size_t start,
              std::size_t &begin, std::size_t &end)
    {
        const auto subjectPtr = reinterpret_cast<PCRE2_SPTR>(subject.data());
        int rc = pcre2_match(code, subjectPtr, subject.size(), start, 0, m_data, m_context);
        if (rc == PCRE2_ERROR_JIT_STACKLIMIT) // the interpreter keeps its frames on the heap
            rc = pcre2_match(code, subjectPtr, subject.size(), start, PCRE2_NO_JIT, m_data, m_context);
        if (rc == PCRE2_ERROR_NOMATCH)
            return false;
        if (rc < 0)
            throw Error(ErrorKind::InvalidInput, kWhere,
                        fmt::format("the {} pattern gave up near byte {} ({}); the text was not masked", spec.name,
                                    start, pcre2Message(rc)));
        const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(m_data);
        begin = ovector[0];
        end = ovector[1];
        return true;
    }

private:
    void release()
    {
        if (m_jitStack)
            pcre2_jit_stack_free(m_jitStack);
        if (m_data)
            pcre2_match_data_free(m_data);
        if (m_context)
            pcre2_match_context_free(m_context);
    }

    pcre2_match_context *m_context = nullptr;
    pcre2_match_data *m_data = nullptr;
    pcre2_jit_stack *m_jitStack = nullptr;
};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string digitsOf(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (isDigit(c))
            out.push_back(c);
    return out;
}

bool luhnValid(std::string_view digits)
{
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

// GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits, then the check
// character is "10X98765432"[sum mod 11].
bool chineseIdValid(std::string_view id)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    if (id.size() != 18)
        return false;
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (id[i] - '0') * kWeights[i];
    const char last = id[17] == 'x' ? 'X' : id[17];
    return kCheck[sum % 11] == last;
}

// The length of the longest prefix of a card candidate, made of whole groups split by
// one kind of separator, that holds 13-19 digits and passes Luhn; 0 when none does.
// Trying prefixes keeps a card followed by its CVV ("4111 1111 1111 1111 123") masked.
std::size_t cardLength(std::string_view candidate)
{
    std::vector<std::size_t> groupEnds; // byte offset just past each group
    char separator = 0;
    std::size_t i = 0;
    for (; i < candidate.size(); ++i) {
        if (isDigit(candidate[i]))
            continue;
        groupEnds.push_back(i);
        if (separator != 0 && candidate[i] != separator)
            break; // mixed separators: the card ends here
        separator = candidate[i];
    }
    if (i == candidate.size())
        groupEnds.push_back(candidate.size());
    for (auto it = groupEnds.rbegin(); it != groupEnds.rend(); ++it) {
        const std::string digits = digitsOf(candidate.substr(0, *it));
        if (digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits))
            return *it;
    }
    return 0;
}

// E.164 numbers have at most 15 digits; fewer than 7 is a price, a year or a version.
// An international number runs on over space-separated groups, so one followed by
// other figures ("+86 138 1234 5678 2024 05") is cut back to its longest prefix of
// whole groups that fits; 0 when no prefix does.
std::size_t phoneLength(std::string_view candidate)
{
    std::size_t best = 0;
    std::size_t digits = 0;
    for (std::size_t i = 0; i < candidate.size(); ++i) {
        if (!isDigit(candidate[i]))
            continue;
        ++digits;
        const bool groupEnd = i + 1 == candidate.size() || !isDigit(candidate[i + 1]);
        if (groupEnd && digits >= 7 && digits <= 15)
            best = i + 1;
    }
    // A closing parenthesis right after the last digit belongs to the number.
    if (best != 0 && best < candidate.size() && candidate[best] == ')')
        ++best;
    return best;
}

const char *kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Email:
        return "email";
    case Kind::Phone:
        return "phone";
    case Kind::Card:
        return "card";
    case Kind::Id:
        return "id";
    }
    return "";
}

const char *placeholder(Kind kind)
{
    switch (kind) {
    case Kind::Email:
        return "[EMAIL]";
    case Kind::Phone:
        return "[PHONE]";
    case Kind::Card:
        return "[CARD]";
    case Kind::Id:
        return "[ID]";
    }
    return "";
}

bool enabled(Kind kind, const MaskingOptions &options)
{
    switch (kind) {
    case Kind::Email:
        return options.emails;
    case Kind::Phone:
        return options.phones;
    case Kind::Card:
        return options.cards;
    case Kind::Id:
        return options.idNumbers;
    }
    return false;
}

// Accepted spans, disjoint, keyed by begin.
class Spans {
public:
    bool overlaps(std::size_t begin, std::size_t end) const
    {
        // Disjoint spans sorted by begin have their ends sorted too, so only the last
        // span starting before `end` can reach past `begin`.
        auto it = m_spans.lower_bound(end);
        if (it == m_spans.begin())
            return false;
        --it;
        return it->second.end > begin;
    }
    void add(std::size_t begin, std::size_t end, Kind kind) { m_spans.emplace(begin, Span{end, kind}); }

    struct Span {
        std::size_t end;
        Kind kind;
    };
    const std::map<std::size_t, Span> &all() const noexcept { return m_spans; }

private:
    std::map<std::size_t, Span> m_spans;
};

} // namespace

MaskedText maskPrivateData(std::string_view utf8, const MaskingOptions &options)
{
    const CompiledPatterns &compiled = compiledPatterns();
    MatchState state;
    Spans spans;
    for (std::size_t p = 0; p < std::size(kPatterns); ++p) {
        const PatternSpec &spec = kPatterns[p];
        if (!enabled(spec.kind, options))
            continue;
        std::size_t pos = 0;
        std::size_t begin = 0;
        std::size_t end = 0;
        while (pos < utf8.size() && state.find(compiled.codes[p], spec, utf8, pos, begin, end)) {
            pos = std::max(end, begin + 1); // no pattern matches empty; this only guards the loop
            const std::string_view candidate = utf8.substr(begin, end - begin);
            switch (spec.check) {
            case Check::None:
                break;
            case Check::PhoneDigits: {
                const std::size_t length = phoneLength(candidate);
                if (length == 0)
                    continue;
                end = begin + length;
                break;
            }
            case Check::Card: {
                const std::size_t length = cardLength(candidate);
                if (length == 0)
                    continue;
                end = begin + length;
                break;
            }
            case Check::ChineseId:
                if (!chineseIdValid(candidate))
                    continue;
                break;
            }
            if (!spans.overlaps(begin, end))
                spans.add(begin, end, spec.kind);
        }
    }

    MaskedText out;
    out.text.reserve(utf8.size());
    std::size_t last = 0;
    for (const auto &[begin, span] : spans.all()) {
        out.text.append(utf8.substr(last, begin - last));
        out.text.append(placeholder(span.kind));
        ++out.counts[kindKey(span.kind)];
        last = span.end;
    }
    out.text.append(utf8.substr(last));
    return out;
}

} // namespace llmos
