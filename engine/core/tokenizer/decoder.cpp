#include "tokenizer/decoder.h"

#include "tokenizer/bytelevelmap.h"
#include "tokenizer/jsonfields.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <optional>

namespace llmos {

namespace {

using nlohmann::json;
namespace jf = jsonfields;

const std::string kReplacementChar = "\xEF\xBF\xBD";

class ByteLevelDecoder : public Decoder {
public:
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        const ByteLevelMap &map = ByteLevelMap::instance();
        std::string bytes;
        for (const std::string &token : tokens) {
            const std::size_t mark = bytes.size();
            std::size_t pos = 0;
            bool mapped = true;
            while (pos < token.size()) {
                const auto b = map.byteOf(utf8::next(token, pos));
                if (!b) {
                    mapped = false;
                    break;
                }
                bytes.push_back(static_cast<char>(*b));
            }
            if (!mapped) { // a token outside the byte alphabet (an added token) is kept as it is
                bytes.resize(mark);
                bytes += token;
            }
        }
        tokens.assign(1, utf8::sanitize(bytes));
    }
};

class MetaspaceDecoder : public Decoder {
public:
    MetaspaceDecoder(char32_t replacement, bool dropFirst) : m_replacement(replacement), m_dropFirst(dropFirst) {}
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            std::string out;
            std::size_t pos = 0;
            const std::string &token = tokens[i];
            while (pos < token.size()) {
                const std::size_t begin = pos;
                const char32_t cp = utf8::next(token, pos);
                if (cp != m_replacement)
                    out.append(token, begin, pos - begin);
                else if (!(i == 0 && m_dropFirst)) // the Rust decoder drops every replacement of the first token
                    out.push_back(' ');
            }
            tokens[i] = std::move(out);
        }
    }

private:
    char32_t m_replacement;
    bool m_dropFirst;
};

class ByteFallbackDecoder : public Decoder {
public:
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        std::vector<std::string> out;
        out.reserve(tokens.size());
        std::string pending;
        auto flush = [&]() {
            if (pending.empty()) return;
            if (utf8::isValid(pending)) {
                out.push_back(pending);
            } else { // one U+FFFD per byte, as the Rust decoder does
                for (std::size_t i = 0; i < pending.size(); ++i) out.push_back(kReplacementChar);
            }
            pending.clear();
        };
        for (std::string &token : tokens) {
            if (const auto byte = byteOf(token)) {
                pending.push_back(static_cast<char>(*byte));
                continue;
            }
            flush();
            out.push_back(std::move(token));
        }
        flush();
        tokens = std::move(out);
    }

private:
    // "<0xNN>"; u8::from_str_radix also takes a '+' sign, so "<0x+A>" counts too.
    static std::optional<unsigned char> byteOf(const std::string &token)
    {
        if (token.size() != 6 || !token.starts_with("<0x") || token[5] != '>') return std::nullopt;
        auto digit = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        };
        const int hi = digit(token[3]);
        const int lo = digit(token[4]);
        if (token[3] == '+' && lo >= 0) return static_cast<unsigned char>(lo);
        if (hi < 0 || lo < 0) return std::nullopt;
        return static_cast<unsigned char>(hi * 16 + lo);
    }
};

class FuseDecoder : public Decoder {
public:
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        std::string joined;
        for (const std::string &t : tokens) joined += t;
        tokens.assign(1, std::move(joined));
    }
};

class StripDecoder : public Decoder {
public:
    StripDecoder(char32_t content, std::size_t start, std::size_t stop) : m_content(content), m_start(start), m_stop(stop) {}
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        for (std::string &token : tokens) {
            std::size_t begin = 0;
            for (std::size_t n = 0; n < m_start && begin < token.size(); ++n) {
                std::size_t pos = begin;
                if (utf8::next(token, pos) != m_content) break;
                begin = pos;
            }
            std::size_t end = token.size();
            for (std::size_t n = 0; n < m_stop && end > begin; ++n) {
                std::size_t pos = end;
                if (utf8::previous(token, pos) != m_content) break;
                end = pos;
            }
            token = token.substr(begin, end - begin);
        }
    }

private:
    char32_t m_content;
    std::size_t m_start;
    std::size_t m_stop;
};

class ReplaceDecoder : public Decoder {
public:
    ReplaceDecoder(std::shared_ptr<const Regex> pattern, std::string content)
        : m_pattern(std::move(pattern)), m_content(std::move(content))
    {
    }
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        for (std::string &token : tokens) token = m_pattern->replaceAll(token, m_content);
    }

private:
    std::shared_ptr<const Regex> m_pattern;
    std::string m_content;
};

std::string replaceAllLiteral(std::string text, std::string_view from, std::string_view to)
{
    std::size_t pos = 0;
    while ((pos = text.find(from, pos)) != std::string::npos) {
        text.replace(pos, from.size(), to);
        pos += to.size();
    }
    return text;
}

class WordPieceDecoder : public Decoder {
public:
    WordPieceDecoder(std::string prefix, bool cleanup) : m_prefix(std::move(prefix)), m_cleanup(cleanup) {}
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            std::string &token = tokens[i];
            if (i != 0) {
                // Rust's replacen(prefix, "", 1) removes the first occurrence anywhere; it starts the token here.
                if (token.starts_with(m_prefix))
                    token.erase(0, m_prefix.size());
                else
                    token.insert(token.begin(), ' ');
            }
            if (m_cleanup) token = cleanup(std::move(token));
        }
    }

    // BERT's clean_up_tokenization: glue punctuation and contractions back on.
    static std::string cleanup(std::string text)
    {
        static const std::pair<std::string_view, std::string_view> kRules[] = {
            {" .", "."},   {" ?", "?"},     {" !", "!"},          {" ,", ","},    {" ' ", "'"},   {" n't", "n't"},
            {" 'm", "'m"}, {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
        };
        for (const auto &[from, to] : kRules) text = replaceAllLiteral(std::move(text), from, to);
        return text;
    }

private:
    std::string m_prefix;
    bool m_cleanup;
};

class BpeSuffixDecoder : public Decoder {
public:
    explicit BpeSuffixDecoder(std::string suffix) : m_suffix(std::move(suffix)) {}
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        for (std::size_t i = 0; i < tokens.size(); ++i)
            tokens[i] = replaceAllLiteral(std::move(tokens[i]), m_suffix, i + 1 == tokens.size() ? "" : " ");
    }

private:
    std::string m_suffix;
};

class SequenceDecoder : public Decoder {
public:
    explicit SequenceDecoder(std::vector<std::unique_ptr<Decoder>> steps) : m_steps(std::move(steps)) {}
    void decodeChain(std::vector<std::string> &tokens) const override
    {
        for (const auto &step : m_steps) step->decodeChain(tokens);
    }

private:
    std::vector<std::unique_ptr<Decoder>> m_steps;
};

} // namespace

std::string Decoder::decode(std::vector<std::string> tokens) const
{
    decodeChain(tokens);
    std::string out;
    for (const std::string &t : tokens) out += t;
    return out;
}

std::unique_ptr<Decoder> Decoder::fromJson(const json &object, const std::string &where)
{
    if (object.is_null()) return nullptr;
    const std::string type = jf::typeOf(object, where);
    if (type == "ByteLevel") return std::make_unique<ByteLevelDecoder>();
    if (type == "Metaspace") {
        bool dropFirst = true;
        if (const auto scheme = jf::optString(object, "prepend_scheme", where))
            dropFirst = *scheme != "never";
        else
            dropFirst = jf::optBool(object, "add_prefix_space", true, where);
        return std::make_unique<MetaspaceDecoder>(jf::getChar(object, "replacement", where), dropFirst);
    }
    if (type == "ByteFallback") return std::make_unique<ByteFallbackDecoder>();
    if (type == "Fuse") return std::make_unique<FuseDecoder>();
    if (type == "Strip")
        return std::make_unique<StripDecoder>(jf::getChar(object, "content", where), jf::optUnsigned(object, "start", 0, where),
                                              jf::optUnsigned(object, "stop", 0, where));
    if (type == "Replace")
        return std::make_unique<ReplaceDecoder>(jf::getPattern(object, "pattern", where),
                                                jf::getString(object, "content", where));
    if (type == "WordPiece")
        return std::make_unique<WordPieceDecoder>(jf::optString(object, "prefix", where).value_or("##"),
                                                  jf::optBool(object, "cleanup", true, where));
    if (type == "BPEDecoder")
        return std::make_unique<BpeSuffixDecoder>(jf::optString(object, "suffix", where).value_or("</w>"));
    if (type == "Sequence") {
        const std::string at = jf::path(where, "decoders");
        const json &list = jf::require(object, "decoders", where);
        if (!list.is_array()) throw Error(ErrorKind::Format, at, "expected a list of decoders");
        std::vector<std::unique_ptr<Decoder>> steps;
        for (std::size_t i = 0; i < list.size(); ++i) {
            auto step = fromJson(list[i], jf::path(at, i));
            if (step) steps.push_back(std::move(step));
        }
        return std::make_unique<SequenceDecoder>(std::move(steps));
    }
    throw Error(ErrorKind::Unsupported, jf::path(where, "type"), fmt::format("decoder type '{}' is not supported", type));
}

} // namespace llmos
