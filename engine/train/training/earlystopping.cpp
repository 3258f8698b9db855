#include "training/earlystopping.h"

#include "util/error.h"

namespace llmos {

EarlyStopping::EarlyStopping(EarlyStoppingSettings settings)
    : m_settings(std::move(settings)), m_minimize(m_settings.resolvedMode() == "min")
{
}

bool EarlyStopping::update(const std::map<std::string, double> &metrics)
{
    const auto it = metrics.find(m_settings.metric);
    if (it == metrics.end())
        throw Error(ErrorKind::InvalidInput, "training.early_stopping.metric",
                    "the evaluation has no \"" + m_settings.metric + "\" for this task");
    const double value = it->second;
    const bool improved = !m_best || (m_minimize ? value < *m_best : value > *m_best);
    if (improved) {
        m_best = value;
        m_bad = 0;
    } else {
        ++m_bad;
    }
    return m_bad >= m_settings.patience;
}

nlohmann::json EarlyStopping::state() const
{
    return {{"best", m_best ? nlohmann::json(*m_best) : nlohmann::json()}, {"bad", m_bad}};
}

void EarlyStopping::restore(const nlohmann::json &state)
{
    m_best = state.at("best").is_null() ? std::nullopt : std::optional<double>(state.at("best").get<double>());
    m_bad = state.at("bad").get<std::int64_t>();
}

} // namespace llmos
