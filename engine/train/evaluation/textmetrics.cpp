#include "evaluation/textmetrics.h"

#include "tokenizer/unicodeprops.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace llmos {

namespace {

constexpr int kMaxOrder = 4;

// Python hands both reference implementations valid text; invalid bytes become U+FFFD
// here, the way Python's errors="replace" decoding would.
std::string validUtf8(std::string_view text)
{
    return utf8::isValid(text) ? std::string(text) : utf8::sanitize(text);
}

// Python's str.isspace(), which str.split(), strip() and rstrip() use: White_Space plus
// the information separators U+001C..U+001F.
bool isPythonSpace(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// str.split() with no separator.
std::vector<std::string> pythonSplit(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(text, pos);
        if (isPythonSpace(cp)) {
            if (!current.empty())
                out.push_back(std::move(current));
            current.clear();
        } else {
            current.append(text.substr(start, pos - start));
        }
    }
    if (!current.empty())
        out.push_back(std::move(current));
    return out;
}

std::string_view pythonRstrip(std::string_view text)
{
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t pos = end;
        if (!isPythonSpace(utf8::previous(text, pos)))
            break;
        end = pos;
    }
    return text.substr(0, end);
}

std::string_view pythonStrip(std::string_view text)
{
    text = pythonRstrip(text);
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t pos = begin;
        if (!isPythonSpace(utf8::next(text, pos)))
            break;
        begin = pos;
    }
    return text.substr(begin);
}

void replaceAll(std::string &text, std::string_view from, std::string_view to)
{
    std::string out;
    std::size_t last = 0;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, last)) {
        out.append(text, last, at - last);
        out.append(to);
        last = at + from.size();
    }
    out.append(text, last, std::string::npos);
    text = std::move(out);
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The four substitutions of sacreBLEU's TokenizerRegexp, each a left-to-right re.sub.
// They run on bytes: every pattern's fixed characters are ASCII and [^0-9] only ever
// decides on the byte next to one, which gives the same output as Python's code points.
std::string mtevalRegexps(std::string_view line)
{
    // ([\{-\~\[-\` -\&\(-\+\:-\@\/]) -> " \1 ": ASCII punctuation but ' , - .
    std::string a;
    a.reserve(line.size() * 2);
    for (const char c : line) {
        const bool split = (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') ||
                           (c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/';
        if (split) {
            a += ' ';
            a += c;
            a += ' ';
        } else {
            a += c;
        }
    }
    // ([^0-9])([\.,]) -> "\1 \2 ": period and comma unless after a digit.
    std::string b;
    b.reserve(a.size());
    for (std::size_t i = 0; i < a.size();) {
        if (!isAsciiDigit(a[i]) && i + 1 < a.size() && (a[i + 1] == '.' || a[i + 1] == ',')) {
            b += a[i];
            b += ' ';
            b += a[i + 1];
            b += ' ';
            i += 2;
        } else {
            b += a[i++];
        }
    }
    // ([\.,])([^0-9]) -> " \1 \2": period and comma unless before a digit.
    std::string c;
    c.reserve(b.size());
    for (std::size_t i = 0; i < b.size();) {
        if ((b[i] == '.' || b[i] == ',') && i + 1 < b.size() && !isAsciiDigit(b[i + 1])) {
            c += ' ';
            c += b[i];
            c += ' ';
            c += b[i + 1];
            i += 2;
        } else {
            c += b[i++];
        }
    }
    // ([0-9])(-) -> "\1 \2 ": a dash after a digit.
    std::string d;
    d.reserve(c.size());
    for (std::size_t i = 0; i < c.size();) {
        if (isAsciiDigit(c[i]) && i + 1 < c.size() && c[i + 1] == '-') {
            d += c[i];
            d += " - ";
            i += 2;
        } else {
            d += c[i++];
        }
    }
    return d;
}

// sacreBLEU's _is_chinese_char, ranges as Python reads them. Two of its entries are
// written '\u20000'..'\u2a6d6' and '\u2f800'..'\u2fa1d', which Python parses as two-
// character strings, so for one character they mean U+2001..U+2A6D (general
// punctuation, arrows, maths...) and U+2F81..U+2FA1, not Extension B. Kept, so scores
// match sacreBLEU's.
bool isSacreBleuChineseChar(char32_t cp)
{
    struct Range {
        char32_t first, last;
    };
    static constexpr Range kRanges[] = {
        {0x3400, 0x4DB5}, {0x4E00, 0x9FA5}, {0x9FA6, 0x9FBB}, {0xF900, 0xFA2D}, {0xFA30, 0xFA6A}, {0xFA70, 0xFAD9},
        {0x2001, 0x2A6D}, {0x2F81, 0x2FA1}, {0xFF00, 0xFFEF}, {0x2E80, 0x2EFF}, {0x3000, 0x303F}, {0x31C0, 0x31EF},
        {0x2F00, 0x2FDF}, {0x2FF0, 0x2FFF}, {0x3100, 0x312F}, {0x31A0, 0x31BF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F},
        {0x2600, 0x26FF}, {0x2700, 0x27BF}, {0x3200, 0x32FF}, {0x3300, 0x33FF},
    };
    for (const Range &r : kRanges)
        if (cp >= r.first && cp <= r.last)
            return true;
    return false;
}

std::string tokenizedLine(std::string_view text, BleuTokenizer tokenizer)
{
    const std::string valid = validUtf8(text);
    const std::string_view line = pythonRstrip(valid); // BLEU._preprocess_segment
    switch (tokenizer) {
    case BleuTokenizer::None:
        return std::string(line);
    case BleuTokenizer::Mteval13a: {
        std::string s(line);
        replaceAll(s, "<skipped>", "");
        replaceAll(s, "-\n", "");
        replaceAll(s, "\n", " ");
        replaceAll(s, "&quot;", "\"");
        replaceAll(s, "&amp;", "&");
        replaceAll(s, "&lt;", "<");
        replaceAll(s, "&gt;", ">");
        return mtevalRegexps(" " + s + " ");
    }
    case BleuTokenizer::Zh: {
        const std::string_view stripped = pythonStrip(line);
        std::string s;
        s.reserve(stripped.size() * 2);
        std::size_t pos = 0;
        while (pos < stripped.size()) {
            const std::size_t start = pos;
            const char32_t cp = utf8::next(stripped, pos);
            const std::string_view ch = stripped.substr(start, pos - start);
            if (isSacreBleuChineseChar(cp)) {
                s += ' ';
                s += ch;
                s += ' ';
            } else {
                s += ch;
            }
        }
        return mtevalRegexps(s);
    }
    }
    return std::string(line);
}

using NgramCounts = std::unordered_map<std::string, std::int64_t>;

// Every n-gram of orders 1..4, keyed by its tokens joined with spaces (tokens have no
// whitespace, so the key is unambiguous); the order is recovered from the key.
NgramCounts ngrams(const std::vector<std::string> &tokens)
{
    NgramCounts out;
    for (int n = 1; n <= kMaxOrder; ++n) {
        for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
            std::string key = tokens[i];
            for (int k = 1; k < n; ++k) {
                key += ' ';
                key += tokens[i + k];
            }
            ++out[key];
        }
    }
    return out;
}

int orderOf(const std::string &ngram)
{
    return 1 + static_cast<int>(std::count(ngram.begin(), ngram.end(), ' '));
}

// sacreBLEU's my_log: log(0) is a large negative number, so exp() of the mean gives 0.
double sacreLog(double x)
{
    return x == 0.0 ? -9999999999.0 : std::log(x);
}

// BLEU.compute_bleu.
BleuScore computeBleu(std::array<std::int64_t, 4> counts, std::array<std::int64_t, 4> totals, std::int64_t sysLen,
                      std::int64_t refLen, const BleuOptions &options)
{
    BleuScore score;
    score.counts = counts;
    score.totals = totals;
    score.sysLen = sysLen;
    score.refLen = refLen;
    if (sysLen < refLen)
        score.brevityPenalty = sysLen > 0 ? std::exp(1.0 - static_cast<double>(refLen) / sysLen) : 0.0;
    else
        score.brevityPenalty = 1.0;
    if (std::all_of(counts.begin(), counts.end(), [](std::int64_t c) { return c == 0; }))
        return score;

    double smoothValue = 0;
    if (options.smoothing == BleuSmoothing::Floor)
        smoothValue = options.smoothValue.value_or(0.1);
    if (options.smoothing == BleuSmoothing::AddK)
        smoothValue = options.smoothValue.value_or(1.0);
    double smoothMteval = 1.0;
    int effectiveOrder = kMaxOrder;
    for (int n = 1; n <= kMaxOrder; ++n) {
        double correct = static_cast<double>(counts[n - 1]);
        double total = static_cast<double>(totals[n - 1]);
        if (options.smoothing == BleuSmoothing::AddK && n > 1) {
            correct += smoothValue;
            total += smoothValue;
        }
        if (total == 0)
            break;
        if (options.effectiveOrder)
            effectiveOrder = n;
        if (correct == 0) {
            if (options.smoothing == BleuSmoothing::Exp) {
                smoothMteval *= 2;
                score.precisions[n - 1] = 100.0 / (smoothMteval * total);
            } else if (options.smoothing == BleuSmoothing::Floor) {
                score.precisions[n - 1] = 100.0 * smoothValue / total;
            }
        } else {
            score.precisions[n - 1] = 100.0 * correct / total;
        }
    }
    double logSum = 0;
    for (int n = 0; n < effectiveOrder; ++n)
        logSum += sacreLog(score.precisions[n]);
    score.score = score.brevityPenalty * std::exp(logSum / effectiveOrder);
    return score;
}

// rouge-score's tokenize(): lower(), then [^a-z0-9]+ separates. Python's lower() gives
// ASCII for two non-ASCII characters: U+0130 (to "i" + U+0307) and U+212A KELVIN SIGN.
std::vector<std::string> rougeDefaultTokens(std::string_view text)
{
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        if (!current.empty())
            out.push_back(std::move(current));
        current.clear();
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        if (cp >= 'A' && cp <= 'Z') {
            current += static_cast<char>(cp + ('a' - 'A'));
        } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            current += static_cast<char>(cp);
        } else if (cp == 0x0130) {
            current += 'i';
            flush(); // the combining dot that follows is a separator
        } else if (cp == 0x212A) {
            current += 'k';
        } else {
            flush();
        }
    }
    flush();
    return out;
}

// Hiragana and katakana letters (not their punctuation, such as the middle dot).
bool isKana(char32_t cp)
{
    return ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF)) && unicode::isAlphanumeric(cp);
}

std::vector<std::string> rougeUnicodeTokens(std::string_view text)
{
    const std::string lower = unicode::lowercase(text);
    std::vector<std::string> out;
    std::string current;
    const auto flush = [&] {
        if (!current.empty())
            out.push_back(std::move(current));
        current.clear();
    };
    std::size_t pos = 0;
    while (pos < lower.size()) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(lower, pos);
        const std::string_view ch = std::string_view(lower).substr(start, pos - start);
        if (unicode::isChineseChar(cp) || isKana(cp)) {
            flush();
            out.emplace_back(ch);
        } else if (unicode::isAlphanumeric(cp) || unicode::isMark(cp)) {
            current += ch;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

const std::string kRougeWhere = "ROUGE-L";

RougeScore rougeFromTokens(const std::vector<std::string> &prediction, const std::vector<std::string> &reference,
                           const RougeOptions &options, const std::string &where)
{
    for (const auto &[tokens, what] : {std::pair{&prediction, "prediction"}, std::pair{&reference, "reference"}})
        if (tokens->size() > options.maxTokens)
            throw Error(ErrorKind::InvalidInput, where,
                        fmt::format("the {} has {} tokens, more than the limit of {} per text (the LCS takes time "
                                    "n*m); split it or raise RougeOptions::maxTokens",
                                    what, tokens->size(), options.maxTokens));
    if (prediction.empty() || reference.empty())
        return {};
    const double lcs = static_cast<double>(longestCommonSubsequence(reference, prediction));
    RougeScore score;
    score.precision = lcs / static_cast<double>(prediction.size());
    score.recall = lcs / static_cast<double>(reference.size());
    if (score.precision + score.recall > 0)
        score.f1 = 2 * score.precision * score.recall / (score.precision + score.recall);
    return score;
}

RougeScore bestOf(std::string_view prediction, const std::vector<std::string> &references, const RougeOptions &options,
                  const std::string &where)
{
    if (references.empty())
        throw Error(ErrorKind::InvalidInput, where, "a prediction needs at least one reference");
    const std::vector<std::string> predicted = rougeTokens(prediction, options.tokenizer);
    RougeScore best;
    bool first = true;
    for (const std::string &reference : references) {
        const RougeScore score = rougeFromTokens(predicted, rougeTokens(reference, options.tokenizer), options, where);
        if (first || score.f1 > best.f1)
            best = score;
        first = false;
    }
    return best;
}

} // namespace

std::vector<std::string> bleuTokens(std::string_view text, BleuTokenizer tokenizer)
{
    return pythonSplit(tokenizedLine(text, tokenizer));
}

BleuScore corpusBleu(const std::vector<std::string> &hypotheses,
                     const std::vector<std::vector<std::string>> &references, const BleuOptions &options)
{
    if (references.size() != hypotheses.size())
        throw Error(ErrorKind::InvalidInput, "BLEU",
                    fmt::format("{} hypotheses but references for {}; give each hypothesis its list of references",
                                hypotheses.size(), references.size()));
    if (options.smoothValue &&
        (options.smoothing == BleuSmoothing::Floor || options.smoothing == BleuSmoothing::AddK) &&
        !(*options.smoothValue >= 0))
        throw Error(ErrorKind::InvalidInput, "BLEU", "the smoothing value must not be negative");
    std::array<std::int64_t, 4> counts{};
    std::array<std::int64_t, 4> totals{};
    std::int64_t sysLen = 0;
    std::int64_t refLen = 0;
    for (std::size_t i = 0; i < hypotheses.size(); ++i) {
        // Reference n-gram counts: for each n-gram the most any one reference has.
        NgramCounts referenceNgrams;
        std::vector<std::int64_t> referenceLengths;
        for (const std::string &reference : references[i]) {
            if (reference.empty())
                continue; // sacreBLEU drops empty references
            const std::vector<std::string> tokens = bleuTokens(reference, options.tokenizer);
            referenceLengths.push_back(static_cast<std::int64_t>(tokens.size()));
            for (const auto &[ngram, count] : ngrams(tokens)) {
                std::int64_t &best = referenceNgrams[ngram];
                best = std::max(best, count);
            }
        }
        if (referenceLengths.empty())
            throw Error(ErrorKind::InvalidInput, fmt::format("BLEU: hypothesis {}", i + 1),
                        "has no non-empty reference");
        const std::vector<std::string> tokens = bleuTokens(hypotheses[i], options.tokenizer);
        const auto hypLen = static_cast<std::int64_t>(tokens.size());
        // The closest reference length, the shorter one on a tie.
        std::int64_t closest = referenceLengths.front();
        for (const std::int64_t length : referenceLengths) {
            const std::int64_t diff = std::llabs(hypLen - length);
            const std::int64_t closestDiff = std::llabs(hypLen - closest);
            if (diff < closestDiff || (diff == closestDiff && length < closest))
                closest = length;
        }
        sysLen += hypLen;
        refLen += closest;
        for (const auto &[ngram, count] : ngrams(tokens)) {
            const int n = orderOf(ngram);
            totals[n - 1] += count;
            if (const auto it = referenceNgrams.find(ngram); it != referenceNgrams.end())
                counts[n - 1] += std::min(count, it->second);
        }
    }
    return computeBleu(counts, totals, sysLen, refLen, options);
}

std::vector<std::string> rougeTokens(std::string_view text, RougeTokenizer tokenizer)
{
    const std::string valid = validUtf8(text);
    return tokenizer == RougeTokenizer::Unicode ? rougeUnicodeTokens(valid) : rougeDefaultTokens(valid);
}

std::size_t longestCommonSubsequence(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    // Tokens become small integers first, so the n*m inner loop compares integers.
    std::unordered_map<std::string_view, std::uint32_t> ids;
    const auto idsOf = [&](const std::vector<std::string> &tokens) {
        std::vector<std::uint32_t> out;
        out.reserve(tokens.size());
        for (const std::string &t : tokens)
            out.push_back(ids.emplace(t, static_cast<std::uint32_t>(ids.size())).first->second);
        return out;
    };
    std::vector<std::uint32_t> outer = idsOf(a);
    std::vector<std::uint32_t> inner = idsOf(b);
    if (inner.size() > outer.size())
        std::swap(outer, inner); // one row of the shorter length
    std::vector<std::size_t> row(inner.size() + 1, 0);
    for (const std::uint32_t x : outer) {
        std::size_t diagonal = 0; // row[j - 1] of the previous row
        for (std::size_t j = 1; j <= inner.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = x == inner[j - 1] ? diagonal + 1 : std::max(above, row[j - 1]);
            diagonal = above;
        }
    }
    return row.back();
}

RougeScore rougeL(std::string_view prediction, std::string_view reference, const RougeOptions &options)
{
    return rougeFromTokens(rougeTokens(prediction, options.tokenizer), rougeTokens(reference, options.tokenizer),
                           options, kRougeWhere);
}

RougeScore rougeL(std::string_view prediction, const std::vector<std::string> &references, const RougeOptions &options)
{
    return bestOf(prediction, references, options, kRougeWhere);
}

RougeScore corpusRougeL(const std::vector<std::string> &predictions, const std::vector<std::string> &references,
                        const RougeOptions &options)
{
    std::vector<std::vector<std::string>> wrapped;
    wrapped.reserve(references.size());
    for (const std::string &reference : references)
        wrapped.push_back({reference});
    return corpusRougeL(predictions, wrapped, options);
}

RougeScore corpusRougeL(const std::vector<std::string> &predictions,
                        const std::vector<std::vector<std::string>> &references, const RougeOptions &options)
{
    if (references.size() != predictions.size())
        throw Error(ErrorKind::InvalidInput, kRougeWhere,
                    fmt::format("{} predictions but references for {}", predictions.size(), references.size()));
    RougeScore mean;
    if (predictions.empty())
        return mean;
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        const RougeScore score =
            bestOf(predictions[i], references[i], options, fmt::format("{}: pair {}", kRougeWhere, i + 1));
        mean.precision += score.precision;
        mean.recall += score.recall;
        mean.f1 += score.f1;
    }
    const auto n = static_cast<double>(predictions.size());
    mean.precision /= n;
    mean.recall /= n;
    mean.f1 /= n;
    return mean;
}

} // namespace llmos
