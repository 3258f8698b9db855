#include "tokenizer/regex.h"

#include "tokenizer/utf8.h"
#include "util/error.h"

#include <pcre2.h>

#include <fmt/format.h>

namespace llmos {

namespace {

// Budgets per pcre2_match call. The GPT-2/Llama-3 patterns need a handful of steps
// per byte; 1 MB of whitespace stays far below. (a+)+ on 30 'a's and a 'b' does not.
constexpr uint32_t kMatchLimit = 50'000'000;
constexpr uint32_t kHeapLimitKiB = 256 * 1024;
constexpr std::size_t kJitStackMax = 8 * 1024 * 1024;

// JIT stacks must not be shared between threads, so each thread owns one (with the
// match context that points at it).
struct ThreadMatchState {
    pcre2_match_context *context = nullptr;
    pcre2_jit_stack *jitStack = nullptr;

    ThreadMatchState()
    {
        context = pcre2_match_context_create(nullptr);
        if (!context) throw std::bad_alloc();
        pcre2_set_match_limit(context, kMatchLimit);
        pcre2_set_heap_limit(context, kHeapLimitKiB);
        jitStack = pcre2_jit_stack_create(32 * 1024, kJitStackMax, nullptr);
        if (jitStack) pcre2_jit_stack_assign(context, nullptr, jitStack);
    }
    ~ThreadMatchState()
    {
        if (jitStack) pcre2_jit_stack_free(jitStack);
        pcre2_match_context_free(context);
    }
};

ThreadMatchState &threadState()
{
    thread_local ThreadMatchState state;
    return state;
}

std::string pcre2Message(int code)
{
    PCRE2_UCHAR buffer[256];
    if (pcre2_get_error_message(code, buffer, sizeof buffer) < 0) return fmt::format("PCRE2 error {}", code);
    return reinterpret_cast<const char *>(buffer);
}

} // namespace

struct Regex::Compiled {
    pcre2_code *code = nullptr;
    bool jit = false;
    ~Compiled() { pcre2_code_free(code); }
};

Regex::Regex(std::string_view pattern, std::string where, Syntax syntax)
    : m_compiled(std::make_unique<Compiled>())
    , m_pattern(pattern)
    , m_where(std::move(where))
{
    if (!utf8::isValid(pattern)) throw Error(ErrorKind::Format, m_where, "the pattern is not valid UTF-8");
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    // UCP only changes \w, \d, \s and friends, which a literal has none of (and PCRE2 refuses the pair).
    const uint32_t options =
        PCRE2_UTF | PCRE2_NO_UTF_CHECK | (syntax == Syntax::Literal ? PCRE2_LITERAL : PCRE2_UCP);
    m_compiled->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options,
                                     &errorCode, &errorOffset, nullptr);
    if (!m_compiled->code)
        throw Error(ErrorKind::Format, m_where,
                    fmt::format("regex '{}' does not compile at character {}: {}", m_pattern, errorOffset,
                                pcre2Message(errorCode)));
    // JIT is an optimisation: without it (or when it fails) the interpreter runs.
    m_compiled->jit = pcre2_jit_compile(m_compiled->code, PCRE2_JIT_COMPLETE) == 0;
}

Regex::~Regex() = default;

std::vector<Regex::Span> Regex::findAll(std::string_view subject) const
{
    std::vector<Span> out;
    ThreadMatchState &state = threadState();
    pcre2_match_data *data = pcre2_match_data_create_from_pattern(m_compiled->code, nullptr);
    if (!data) throw std::bad_alloc();
    const auto subjectPtr = reinterpret_cast<PCRE2_SPTR>(subject.data());
    std::size_t pos = 0;
    bool havePrevious = false;
    std::size_t previousEnd = 0;
    try {
        while (pos <= subject.size()) {
            int rc = pcre2_match(m_compiled->code, subjectPtr, subject.size(), pos, PCRE2_NO_UTF_CHECK, data,
                                 state.context);
            if (rc == PCRE2_ERROR_JIT_STACKLIMIT) // deeply nested input: the interpreter keeps its frames on the heap
                rc = pcre2_match(m_compiled->code, subjectPtr, subject.size(), pos, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
                                 data, state.context);
            if (rc == PCRE2_ERROR_NOMATCH) break;
            if (rc < 0) {
                const bool limit = rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT ||
                                   rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
                throw Error(ErrorKind::InvalidInput, m_where,
                            limit ? fmt::format("regex '{}' needs too much backtracking on this input near byte {} "
                                                "({}); the pattern is unsafe",
                                                m_pattern, pos, pcre2Message(rc))
                                  : fmt::format("regex '{}' failed near byte {}: {}", m_pattern, pos,
                                                pcre2Message(rc)));
            }
            const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
            std::size_t begin = ovector[0];
            std::size_t end = ovector[1];
            if (end < begin) end = begin; // \K in a lookahead can invert the pair; treat as empty
            if (begin == end) {
                // Rust skips an empty match touching the previous match and moves one character on.
                if (!(havePrevious && begin == previousEnd)) {
                    out.emplace_back(begin, end);
                    havePrevious = true;
                    previousEnd = end;
                }
                if (begin >= subject.size()) break;
                pos = begin + utf8::sequenceLength(static_cast<unsigned char>(subject[begin]));
                continue;
            }
            out.emplace_back(begin, end);
            havePrevious = true;
            previousEnd = end;
            pos = end;
        }
    } catch (...) {
        pcre2_match_data_free(data);
        throw;
    }
    pcre2_match_data_free(data);
    return out;
}

std::string Regex::replaceAll(std::string_view subject, std::string_view replacement) const
{
    std::string out;
    std::size_t last = 0;
    for (const auto &[begin, end] : findAll(subject)) {
        out.append(subject.substr(last, begin - last));
        out.append(replacement);
        last = end;
    }
    out.append(subject.substr(last));
    return out;
}

} // namespace llmos
