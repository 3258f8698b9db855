#include "generation/textstream.h"

#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <utility>

namespace llmos {

namespace {

// How many prompt tokens the first window starts with: enough for any decoder to see
// the token before the first generated one in context.
constexpr std::size_t kContextTokens = 5;

} // namespace

bool endsWithIncompleteCharacter(const std::string &text)
{
    static const std::string replacement = "\xEF\xBF\xBD";
    if (text.ends_with(replacement))
        return true;
    // Walk back over continuation bytes to the lead byte and compare the lengths.
    std::size_t continuation = 0;
    for (auto it = text.rbegin(); it != text.rend() && continuation < 4; ++it) {
        const auto byte = static_cast<unsigned char>(*it);
        if ((byte & 0xC0) == 0x80) {
            ++continuation;
            continue;
        }
        const std::size_t expected = byte < 0x80 ? 0 : (byte & 0xE0) == 0xC0 ? 1 : (byte & 0xF0) == 0xE0 ? 2 : 3;
        return continuation < expected;
    }
    return false; // four continuation bytes, or nothing but them: broken, not incomplete
}

IncrementalDecoder::IncrementalDecoder(const Tokenizer &tokenizer, std::span<const std::int32_t> context)
    : m_tokenizer(tokenizer)
{
    const auto kept = std::min(context.size(), kContextTokens);
    m_ids.assign(context.end() - static_cast<std::ptrdiff_t>(kept), context.end());
    m_readOffset = m_ids.size();
}

std::string IncrementalDecoder::decode(std::size_t from, std::size_t to) const
{
    return m_tokenizer.decode(std::span<const std::int32_t>(m_ids).subspan(from, to - from),
                              /*skipSpecialTokens=*/true);
}

std::string IncrementalDecoder::push(std::int32_t id)
{
    m_ids.push_back(id);
    const auto before = decode(m_prefixOffset, m_readOffset);
    const auto now = decode(m_prefixOffset, m_ids.size());
    if (now.size() <= before.size() || endsWithIncompleteCharacter(now))
        return {};
    m_prefixOffset = m_readOffset;
    m_readOffset = m_ids.size();
    return now.substr(before.size());
}

std::string IncrementalDecoder::flush()
{
    const auto before = decode(m_prefixOffset, m_readOffset);
    const auto now = decode(m_prefixOffset, m_ids.size());
    m_prefixOffset = m_readOffset = m_ids.size();
    return now.size() > before.size() ? now.substr(before.size()) : std::string();
}

StopStringMatcher::StopStringMatcher(std::vector<std::string> stops)
    : m_stops(std::move(stops))
{
    std::erase_if(m_stops, [](const std::string &s) { return s.empty(); });
}

std::string StopStringMatcher::push(const std::string &delta)
{
    if (m_stopped)
        return {};
    m_pending += delta;
    // The earliest match wins, whichever stop string it is.
    std::size_t first = std::string::npos;
    for (const auto &stop : m_stops)
        first = std::min(first, m_pending.find(stop));
    if (first != std::string::npos) {
        m_stopped = true;
        auto shown = m_pending.substr(0, first);
        m_pending.clear();
        return shown;
    }
    // Hold back the longest tail that some stop string starts with.
    std::size_t held = 0;
    for (const auto &stop : m_stops)
        for (std::size_t n = std::min(stop.size() - 1, m_pending.size()); n > held; --n)
            if (m_pending.compare(m_pending.size() - n, n, stop, 0, n) == 0) {
                held = n;
                break;
            }
    auto shown = m_pending.substr(0, m_pending.size() - held);
    m_pending.erase(0, m_pending.size() - held);
    return shown;
}

std::string StopStringMatcher::flush()
{
    return std::exchange(m_pending, {});
}

} // namespace llmos
