#include "tokenizer/bpemodel.h"

#include "tokenizer/jsonfields.h"
#include "tokenizer/utf8.h"
#include "util/error.h"

#include <fmt/format.h>

#include <bit>
#include <cctype>
#include <queue>

namespace llmos {

namespace jf = jsonfields;
using nlohmann::json;

BpeModel::BpeModel(const json &object, const std::string &where, std::size_t idBound, ModelTables *tables)
{
    m_vocab = loadVocabulary(object, where, idBound, tables);
    m_prefix = jf::optString(object, "continuing_subword_prefix", where).value_or("");
    m_suffix = jf::optString(object, "end_of_word_suffix", where).value_or("");
    m_fuseUnk = jf::optBool(object, "fuse_unk", false, where);
    m_byteFallback = jf::optBool(object, "byte_fallback", false, where);
    m_ignoreMerges = jf::optBool(object, "ignore_merges", false, where);
    // dropout is a training-time regulariser; inference (and the reference ids) run without it.
    if (const auto unk = jf::optString(object, "unk_token", where)) m_unkId = requireUnkToken(m_vocab, *unk, where);
    m_byteIds.fill(-1);
    checkByteTokens(where);
    const json &merges = jf::require(object, "merges", where);
    if (tables && tables->merges) {
        const MergeEntries &read = *tables->merges;
        loadMerges(
            read.entries.size(),
            [&read](std::size_t i) {
                const MergeEntries::Entry &e = read.entries[i];
                return MergeText{e.pair ? MergeText::Kind::Pair : MergeText::Kind::Line, read.left(e), read.right(e)};
            },
            jf::path(where, "merges"));
        tables->merges.reset();
        return;
    }
    if (!merges.is_array()) throw Error(ErrorKind::Format, jf::path(where, "merges"), "expected a list of merges");
    loadMerges(
        merges.size(),
        [&merges](std::size_t i) {
            const json &entry = merges[i];
            if (entry.is_string()) return MergeText{MergeText::Kind::Line, entry.get_ref<const std::string &>(), {}};
            if (entry.is_array() && entry.size() == 2 && entry[0].is_string() && entry[1].is_string())
                return MergeText{MergeText::Kind::Pair, entry[0].get_ref<const std::string &>(),
                                 entry[1].get_ref<const std::string &>()};
            return MergeText{MergeText::Kind::Invalid, {}, {}};
        },
        jf::path(where, "merges"));
}

// Byte tokens must read <0xNN> with two hex digits: the decoder turns them back into
// bytes, and a token such as <0x-1> or <0xZZ> means the file is broken.
void BpeModel::checkByteTokens(const std::string &where)
{
    if (!m_byteFallback) return;
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    m_vocab.forEach([&](const std::string &token, std::int32_t id) {
        if (!token.starts_with("<0x") || !token.ends_with(">")) return;
        if (token.size() != 6 || !hex(token[3]) || !hex(token[4]))
            throw Error(ErrorKind::Format, jf::path(jf::path(where, "vocab"), token),
                        fmt::format("'{}' (id {}) looks like a byte token but is not <0xNN> with two hex digits", token, id));
    });
    for (int b = 0; b < 256; ++b)
        if (const auto id = m_vocab.find(fmt::format("<0x{:02X}>", b))) m_byteIds[b] = *id;
}

template <class EntryAt>
void BpeModel::loadMerges(std::size_t count, EntryAt entryAt, const std::string &where)
{
    m_merges.reserve(count);
    std::uint32_t rank = 0;
    std::string merged;
    for (std::size_t i = 0; i < count; ++i) {
        const MergeText entry = entryAt(i);
        auto at = [&where, i] { return jf::path(where, i); }; // only built for a message
        std::string_view left;
        std::string_view right;
        if (entry.kind == MergeText::Kind::Line) {
            const std::string_view line = entry.left;
            if (line.starts_with("#version")) continue; // merges.txt header carried over
            const std::size_t space = line.find(' ');
            if (space == std::string_view::npos || line.find(' ', space + 1) != std::string_view::npos)
                throw Error(ErrorKind::Format, at(),
                            fmt::format("merge '{}' must be two tokens separated by one space", line));
            left = line.substr(0, space);
            right = line.substr(space + 1);
        } else if (entry.kind == MergeText::Kind::Pair) {
            left = entry.left;
            right = entry.right;
        } else {
            throw Error(ErrorKind::Format, at(), "a merge must be \"a b\" or [\"a\", \"b\"]");
        }
        const auto a = m_vocab.find(left);
        const auto b = m_vocab.find(right);
        if (!a) throw Error(ErrorKind::Format, at(), fmt::format("merge refers to '{}', which is not in model.vocab", left));
        if (!b) throw Error(ErrorKind::Format, at(), fmt::format("merge refers to '{}', which is not in model.vocab", right));
        if (right.size() < m_prefix.size())
            throw Error(ErrorKind::Format, at(),
                        fmt::format("'{}' is shorter than the continuing_subword_prefix '{}'", right, m_prefix));
        merged.assign(left).append(right.substr(m_prefix.size()));
        const auto merged_id = m_vocab.find(merged);
        if (!merged_id)
            throw Error(ErrorKind::Format, at(),
                        fmt::format("merging '{}' and '{}' gives '{}', which is not in model.vocab", left, right, merged));
        // A repeated pair takes the later rank, as in the Rust library's map.
        m_merges.set(pairKey(*a, *b), Merge{rank, *merged_id});
        ++rank;
    }
}

void BpeModel::MergeTable::reserve(std::size_t count)
{
    // At most three quarters full.
    const std::size_t wanted = std::bit_ceil(std::max<std::size_t>(16, count + count / 3 + 1));
    if (wanted <= m_slots.size()) return;
    std::vector<Slot> old(wanted);
    old.swap(m_slots);
    m_count = 0;
    for (const Slot &slot : old)
        if (slot.key != kEmpty) set(slot.key, slot.merge);
}

void BpeModel::MergeTable::set(std::uint64_t key, Merge merge)
{
    if (4 * (m_count + 1) > 3 * m_slots.size()) reserve(2 * (m_count + 1));
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        Slot &slot = m_slots[i];
        if (slot.key == key) {
            slot.merge = merge;
            return;
        }
        if (slot.key == kEmpty) {
            slot = {key, merge};
            ++m_count;
            return;
        }
    }
}

const BpeModel::Merge *BpeModel::findMerge(std::int32_t a, std::int32_t b) const
{
    return m_merges.find(pairKey(a, b));
}

namespace {
constexpr std::size_t kCacheCapacity = 10'000;
constexpr std::size_t kCacheMaxWordBytes = 64;
} // namespace

void BpeModel::tokenize(std::string_view word, std::vector<std::int32_t> &out) const
{
    if (word.empty()) return;
    if (m_ignoreMerges)
        if (const auto id = m_vocab.find(word)) {
            out.push_back(*id);
            return;
        }
    if (word.size() > kCacheMaxWordBytes) {
        merge(word, out);
        return;
    }
    {
        std::shared_lock lock(m_cacheMutex);
        const auto it = m_cache.find(word);
        if (it != m_cache.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    const std::size_t first = out.size();
    merge(word, out);
    std::unique_lock lock(m_cacheMutex);
    if (m_cache.size() < kCacheCapacity) m_cache.emplace(word, std::vector<std::int32_t>(out.begin() + first, out.end()));
}

void BpeModel::merge(std::string_view word, std::vector<std::int32_t> &out) const
{

    struct Symbol {
        std::int32_t id;
        std::int32_t prev;
        std::int32_t next;
        bool alive;
    };
    std::vector<Symbol> symbols;
    symbols.reserve(word.size());
    auto push = [&symbols](std::int32_t id) {
        const auto index = static_cast<std::int32_t>(symbols.size());
        symbols.push_back({id, index - 1, index + 1, true});
    };

    // Unknown characters: with fuse_unk a run becomes one unk. Like the Rust code, a
    // pending unk is only written when the next known character (or the end) arrives,
    // so byte-fallback tokens in between land before it.
    bool pendingUnk = false;
    std::string piece;
    std::size_t pos = 0;
    while (pos < word.size()) {
        const std::size_t begin = pos;
        utf8::next(word, pos);
        piece.clear();
        if (begin > 0) piece += m_prefix;
        piece.append(word.substr(begin, pos - begin));
        if (pos == word.size()) piece += m_suffix;

        if (const auto id = m_vocab.find(piece)) {
            if (pendingUnk) {
                push(*m_unkId);
                pendingUnk = false;
            }
            push(*id);
            continue;
        }
        if (m_byteFallback) {
            bool all = true;
            for (const char c : piece) all = all && m_byteIds[static_cast<unsigned char>(c)] >= 0;
            if (all) {
                for (const char c : piece) push(m_byteIds[static_cast<unsigned char>(c)]);
                continue;
            }
        }
        if (m_unkId) {
            if (pendingUnk && !m_fuseUnk) push(*m_unkId);
            pendingUnk = true;
        }
        // Without an unk token the character is dropped, as the Rust library does.
    }
    if (pendingUnk) push(*m_unkId);
    if (symbols.empty()) return;
    symbols.back().next = -1;

    struct Candidate {
        std::uint32_t rank;
        std::int32_t pos;
        std::int32_t newId;
        bool operator>(const Candidate &o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> queue;
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i)
        if (const Merge *m = findMerge(symbols[i].id, symbols[i + 1].id))
            queue.push({m->rank, static_cast<std::int32_t>(i), m->newId});

    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol &left = symbols[static_cast<std::size_t>(top.pos)];
        if (!left.alive || left.next < 0) continue;
        Symbol &right = symbols[static_cast<std::size_t>(left.next)];
        // Skip entries made stale by an earlier merge on either side.
        const Merge *current = findMerge(left.id, right.id);
        if (!current || current->newId != top.newId) continue;

        left.id = top.newId;
        right.alive = false;
        left.next = right.next;
        if (right.next >= 0) symbols[static_cast<std::size_t>(right.next)].prev = top.pos;

        if (left.prev >= 0)
            if (const Merge *m = findMerge(symbols[static_cast<std::size_t>(left.prev)].id, left.id))
                queue.push({m->rank, left.prev, m->newId});
        if (left.next >= 0)
            if (const Merge *m = findMerge(left.id, symbols[static_cast<std::size_t>(left.next)].id))
                queue.push({m->rank, top.pos, m->newId});
    }
    for (const Symbol &s : symbols)
        if (s.alive) out.push_back(s.id);
}

} // namespace llmos
