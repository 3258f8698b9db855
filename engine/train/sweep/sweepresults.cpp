#include "sweep/sweepresults.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace llmos {

namespace {

constexpr std::size_t kMinTrials = 4;
constexpr std::size_t kMaxBins = 10;

bool succeeded(const TrialRecord &t)
{
    return t.state == TrialState::Succeeded && t.objective && std::isfinite(*t.objective);
}

double lastValue(const TrialRecord &t)
{
    if (t.objective)
        return *t.objective;
    return t.intermediates.empty() ? std::nan("") : t.intermediates.rbegin()->second;
}

int rankOfState(const TrialRecord &t)
{
    if (succeeded(t))
        return 0;
    if (t.state == TrialState::Pruned)
        return 1;
    if (t.state == TrialState::Succeeded || t.state == TrialState::Running)
        return 2;
    return 3;
}

// Group labels of the trials for one parameter.
std::vector<std::string> groupsOf(const SearchParameter &p, const std::vector<const TrialRecord *> &trials)
{
    std::vector<std::string> labels(trials.size(), "inactive");
    std::vector<std::size_t> active;
    for (std::size_t i = 0; i < trials.size(); ++i) {
        const auto it = trials[i]->assignment.find(p.path);
        if (it == trials[i]->assignment.end())
            continue;
        if (p.isCategorical() || !it->second.is_number())
            labels[i] = "=" + it->second.dump();
        else
            active.push_back(i);
    }
    if (active.empty())
        return labels;
    // Quantile bins by rank; equal values share the bin of the first of them.
    auto value = [&](std::size_t i) { return trials[i]->assignment.at(p.path).get<double>(); };
    std::stable_sort(active.begin(), active.end(), [&](std::size_t a, std::size_t b) { return value(a) < value(b); });
    const std::size_t m = active.size();
    const auto root = static_cast<std::size_t>(std::sqrt(static_cast<double>(m)));
    const std::size_t bins = std::clamp<std::size_t>(root, 2, kMaxBins);
    std::size_t bin = 0;
    for (std::size_t r = 0; r < m; ++r) {
        if (r == 0 || value(active[r]) != value(active[r - 1]))
            bin = r * bins / m;
        labels[active[r]] = "#" + std::to_string(bin);
    }
    return labels;
}

// 1-based ranks of the objectives, ties sharing their average rank.
std::vector<double> ranks(const std::vector<const TrialRecord *> &trials)
{
    std::vector<std::size_t> order(trials.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return *trials[a]->objective < *trials[b]->objective; });
    std::vector<double> rank(trials.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && *trials[order[j + 1]]->objective == *trials[order[i]]->objective)
            ++j;
        for (std::size_t k = i; k <= j; ++k)
            rank[order[k]] = static_cast<double>(i + j) / 2 + 1;
        i = j + 1;
    }
    return rank;
}

} // namespace

std::vector<LeaderboardRow> leaderboard(const std::vector<TrialRecord> &trials, const Objective &objective)
{
    std::vector<const TrialRecord *> order;
    for (const auto &t : trials)
        order.push_back(&t);
    std::stable_sort(order.begin(), order.end(), [&](const TrialRecord *a, const TrialRecord *b) {
        const int ra = rankOfState(*a), rb = rankOfState(*b);
        if (ra != rb)
            return ra < rb;
        if (ra == 0)
            return objective.better(*a->objective, *b->objective);
        if (ra == 1) {
            if (a->step != b->step)
                return a->step > b->step;
            return objective.better(lastValue(*a), lastValue(*b));
        }
        return a->number < b->number;
    });
    std::vector<LeaderboardRow> rows;
    for (const auto *t : order)
        rows.push_back({t->number, t->assignment, t->objective, t->state, t->step, t->seconds, t->runId, t->reason});
    return rows;
}

std::optional<TrialRecord> bestTrial(const std::vector<TrialRecord> &trials, const Objective &objective)
{
    const TrialRecord *best = nullptr;
    for (const auto &t : trials)
        if (succeeded(t) && (!best || objective.better(*t.objective, *best->objective)))
            best = &t;
    if (!best)
        return std::nullopt;
    return *best;
}

ImportanceReport parameterImportance(const SearchSpace &space, const std::vector<TrialRecord> &trials)
{
    ImportanceReport report;
    std::vector<const TrialRecord *> done;
    for (const auto &t : trials)
        if (succeeded(t))
            done.push_back(&t);
    report.trials = static_cast<int>(done.size());
    if (done.size() < kMinTrials) {
        report.reason = "importance needs at least " + std::to_string(kMinTrials) + " succeeded trials; there "
                        + (done.size() == 1 ? "is " : "are ") + std::to_string(done.size());
        return report;
    }
    // Ranks rather than raw values: one diverged trial with a huge loss would otherwise
    // make whichever parameter it happened to sit with look important.
    const std::vector<double> y = ranks(done);
    const double n = static_cast<double>(done.size());
    const double mean = (n + 1) / 2;
    double total = 0;
    for (double v : y)
        total += (v - mean) * (v - mean);
    if (!(total > 0)) {
        report.reason = "every succeeded trial reached the same objective, so no parameter made a difference";
        return report;
    }

    double sum = 0;
    for (const auto &p : space.parameters()) {
        const auto labels = groupsOf(p, done);
        std::map<std::string, std::pair<double, double>> groups; // label -> (count, sum)
        for (std::size_t i = 0; i < done.size(); ++i) {
            auto &g = groups[labels[i]];
            g.first += 1;
            g.second += y[i];
        }
        double between = 0;
        for (const auto &[label, g] : groups) {
            const double groupMean = g.second / g.first;
            between += g.first * (groupMean - mean) * (groupMean - mean);
        }
        const double k = static_cast<double>(groups.size());
        double explained = 0;
        if (k > 1 && n > k) {
            const double within = std::max(0.0, total - between) / (n - k);
            explained = std::clamp((between - (k - 1) * within) / total, 0.0, 1.0);
        }
        report.parameters.push_back({p.path, 0.0, explained, static_cast<int>(groups.size())});
        sum += explained;
    }
    if (sum > 0)
        for (auto &p : report.parameters)
            p.share = p.explained / sum;
    else
        report.reason = "no parameter explains more of the objective's spread than chance would";
    std::stable_sort(report.parameters.begin(), report.parameters.end(),
                     [](const ParameterImportance &a, const ParameterImportance &b) { return a.share > b.share; });
    return report;
}

} // namespace llmos
