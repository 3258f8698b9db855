#include "tokenizer/sentencepiecemodelproto.h"

#include "util/error.h"

#include <fmt/format.h>

#include <bit>
#include <utility>

namespace llmos {

namespace {

// Protobuf wire format over bytes that are checked before each read.
class WireReader {
public:
    WireReader(std::string_view bytes, const std::string &source, std::size_t base)
        : m_bytes(bytes)
        , m_source(source)
        , m_base(base)
    {
    }
    bool atEnd() const noexcept { return m_pos >= m_bytes.size(); }
    std::size_t offset() const noexcept { return m_base + m_pos; }

    // (field number, wire type)
    std::pair<std::uint64_t, std::uint32_t> tag()
    {
        const std::uint64_t key = varint();
        return {key >> 3, static_cast<std::uint32_t>(key & 7)};
    }
    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (atEnd())
                fail("truncated varint");
            const auto byte = static_cast<std::uint8_t>(m_bytes[m_pos++]);
            value |= std::uint64_t{byte & 0x7Fu} << shift;
            if (!(byte & 0x80))
                return value;
        }
        fail("varint longer than 10 bytes");
    }
    // A length-delimited field; the reader for it starts at its first byte.
    WireReader message()
    {
        const std::uint64_t length = varint();
        if (length > m_bytes.size() - m_pos)
            fail(fmt::format("field of {} bytes runs past the end", length));
        WireReader inner(m_bytes.substr(m_pos, static_cast<std::size_t>(length)), m_source, offset());
        m_pos += static_cast<std::size_t>(length);
        return inner;
    }
    std::string_view rest() const noexcept { return m_bytes.substr(m_pos); }
    float fixed32Float()
    {
        if (m_bytes.size() - m_pos < 4)
            fail("truncated 32-bit field");
        std::uint32_t bits = 0;
        for (int i = 0; i < 4; ++i)
            bits |= std::uint32_t{static_cast<std::uint8_t>(m_bytes[m_pos + i])} << (8 * i);
        m_pos += 4;
        return std::bit_cast<float>(bits);
    }
    void skip(std::uint32_t wireType)
    {
        switch (wireType) {
        case 0:
            varint();
            return;
        case 1:
            advance(8);
            return;
        case 2:
            message();
            return;
        case 5:
            advance(4);
            return;
        default:
            fail(fmt::format("unsupported protobuf wire type {}", wireType));
        }
    }
    [[noreturn]] void fail(const std::string &detail) const
    {
        throw Error(ErrorKind::Format, atByte(m_source, offset()), "not a SentencePiece model: " + detail);
    }

private:
    void advance(std::size_t count)
    {
        if (m_bytes.size() - m_pos < count)
            fail("truncated field");
        m_pos += count;
    }
    std::string_view m_bytes;
    const std::string &m_source;
    std::size_t m_base;
    std::size_t m_pos = 0;
};

SentencePieceModel::Piece readPiece(WireReader reader)
{
    SentencePieceModel::Piece piece;
    while (!reader.atEnd()) {
        const auto [field, wire] = reader.tag();
        if (field == 1 && wire == 2)
            piece.text = std::string(reader.message().rest());
        else if (field == 2 && wire == 5)
            piece.score = reader.fixed32Float();
        else if (field == 3 && wire == 0)
            piece.type = static_cast<std::int32_t>(reader.varint());
        else
            reader.skip(wire);
    }
    return piece;
}

} // namespace

SentencePieceModel readSentencePieceModel(std::string_view bytes, const std::string &source)
{
    SentencePieceModel model;
    WireReader reader(bytes, source, 0);
    while (!reader.atEnd()) {
        const auto [field, wire] = reader.tag();
        if (field == 1 && wire == 2) {
            model.pieces.push_back(readPiece(reader.message()));
        } else if (field == 2 && wire == 2) { // trainer_spec
            WireReader spec = reader.message();
            while (!spec.atEnd()) {
                const auto [f, w] = spec.tag();
                if (w != 0)
                    spec.skip(w);
                else if (f == 3)
                    model.modelType = static_cast<std::int32_t>(spec.varint());
                else if (f == 40)
                    model.unkId = static_cast<std::int32_t>(spec.varint());
                else if (f == 41)
                    model.bosId = static_cast<std::int32_t>(spec.varint());
                else if (f == 42)
                    model.eosId = static_cast<std::int32_t>(spec.varint());
                else if (f == 43)
                    model.padId = static_cast<std::int32_t>(spec.varint());
                else
                    spec.skip(w);
            }
        } else if (field == 3 && wire == 2) { // normalizer_spec
            WireReader spec = reader.message();
            while (!spec.atEnd()) {
                const auto [f, w] = spec.tag();
                if (f == 2 && w == 2)
                    model.hasCharsmap = !spec.message().rest().empty();
                else if (f == 3 && w == 0)
                    model.addDummyPrefix = spec.varint() != 0;
                else
                    spec.skip(w);
            }
        } else {
            reader.skip(wire);
        }
    }
    if (model.pieces.empty())
        reader.fail("it has no pieces");
    return model;
}

} // namespace llmos
