#include "sweep/sweepjournal.h"

#include "sweep/pruner.h"

#include "recipe/jsonfieldreader.h"
#include "util/error.h"

#include <cmath>
#include <filesystem>

namespace llmos {

namespace {

using json = nlohmann::json;

constexpr const char *kJournalName = "journal.jsonl";

json finiteOrNull(double value)
{
    return std::isfinite(value) ? json(value) : json(nullptr);
}

// One decoded line, before it is checked against the trials so far.
struct JournalLine {
    std::string event;
    int trial = 0;
    Assignment assignment;
    std::string runId;
    std::int64_t step = 0;
    double value = 0;
    TrialOutcome outcome;
};

// Numbers that may be null (a non-finite value was written as null).
double numberOrNaN(JsonFieldReader &reader, const std::string &key)
{
    const bool present = reader.has(key);
    const double value = reader.number(key, 0.0, -1.7e308, 1.7e308); // marks the key read
    return present ? value : std::nan("");
}

JournalLine decode(std::string_view text, const std::string &source)
{
    const json object = json::parse(text);
    JsonFieldReader reader(object, source, "");
    JournalLine line;
    line.event = reader.choice("event", {"suggested", "intermediate", "finished"}, "");
    line.trial = static_cast<int>(reader.integer("trial", -1, 0, 1'000'000'000));
    if (!reader.has("trial"))
        reader.fail("trial", "is missing");
    if (line.event == "suggested") {
        if (!reader.has("assignment"))
            reader.fail("assignment", "is missing");
        line.assignment = assignmentFromJson(reader.object("assignment"), reader.where("assignment"));
        line.runId = reader.string("run_id", {});
    } else if (line.event == "intermediate") {
        line.step = reader.integer("step", 0, 0, INT64_MAX);
        line.value = numberOrNaN(reader, "value");
    } else {
        auto &o = line.outcome;
        o.trial = line.trial;
        const auto state = reader.choice("state", {"succeeded", "pruned", "failed", "cancelled"}, "");
        o.state = *trialStateFromName(state);
        const double objective = numberOrNaN(reader, "objective");
        if (!std::isnan(objective))
            o.objective = objective;
        o.step = reader.integer("step", 0, 0, INT64_MAX);
        o.reason = reader.string("reason", {});
        o.seconds = reader.number("seconds", 0.0, 0.0, 1e12);
    }
    reader.finish();
    return line;
}

// Applies a decoded line; a line that contradicts the journal so far is an error, since
// no crash produces one.
void apply(SweepState &state, const JournalLine &line, const std::string &where)
{
    if (line.event == "suggested") {
        if (line.trial != state.nextTrialNumber())
            throw Error(ErrorKind::Format, where,
                        "suggests trial " + std::to_string(line.trial) + " where trial "
                            + std::to_string(state.nextTrialNumber()) + " comes next");
        TrialRecord record;
        record.number = line.trial;
        record.assignment = line.assignment;
        record.runId = line.runId;
        state.trials.push_back(std::move(record));
        return;
    }
    if (line.trial >= state.nextTrialNumber())
        throw Error(ErrorKind::Format, where, "names trial " + std::to_string(line.trial) + ", which was never suggested");
    auto &record = state.trials[static_cast<std::size_t>(line.trial)];
    if (record.state != TrialState::Running)
        throw Error(ErrorKind::Format, where,
                    "reports on trial " + std::to_string(line.trial) + ", which had finished already");
    if (line.event == "intermediate") {
        record.intermediates[line.step] = line.value;
        record.step = std::max(record.step, line.step);
        state.pruningHistory.push_back({line.trial, false, line.step, line.value, TrialState::Running});
        return;
    }
    const auto &o = line.outcome;
    record.state = o.state;
    record.objective = o.objective;
    record.step = std::max(record.step, o.step);
    record.reason = o.reason;
    record.seconds = o.seconds;
    state.pruningHistory.push_back({line.trial, true, 0, 0, o.state});
}

} // namespace

std::vector<TrialRecord> SweepState::toResume() const
{
    std::vector<TrialRecord> running;
    for (const auto &t : trials)
        if (t.state == TrialState::Running)
            running.push_back(t);
    return running;
}

SweepJournal::SweepJournal(const std::string &folder, std::uint64_t validBytes)
    : m_log(folder + "/" + kJournalName, validBytes, "the sweep's journal")
{
}

void SweepJournal::append(const json &object)
{
    m_log.appendDurably(object.dump(-1, ' ', false, json::error_handler_t::replace) + '\n');
}

void SweepJournal::trialSuggested(int trial, const Assignment &assignment, const std::string &runId)
{
    append({{"event", "suggested"}, {"trial", trial}, {"assignment", assignmentToJson(assignment)}, {"run_id", runId}});
}

void SweepJournal::intermediate(int trial, std::int64_t step, double value)
{
    append({{"event", "intermediate"}, {"trial", trial}, {"step", step}, {"value", finiteOrNull(value)}});
}

void SweepJournal::trialFinished(const TrialOutcome &o)
{
    append({{"event", "finished"},
            {"trial", o.trial},
            {"state", trialStateName(o.state)},
            {"objective", o.objective ? finiteOrNull(*o.objective) : json(nullptr)},
            {"step", o.step},
            {"reason", o.reason},
            {"seconds", o.seconds}});
}

SweepState replaySweepJournal(const std::string &folder)
{
    SweepState state;
    const std::string path = folder + "/" + kJournalName;
    const auto contents = readLineLog(path, "the sweep's journal"); // missing: no trials yet
    for (std::size_t i = 0; i < contents.lines.size(); ++i) {
        const auto &line = contents.lines[i];
        const std::string where = path + ": line " + std::to_string(line.number);
        JournalLine decoded;
        try {
            decoded = decode(contents.line(line), "line " + std::to_string(line.number));
        } catch (const std::exception &e) {
            const bool last = i + 1 == contents.lines.size() && !contents.tornLine;
            const auto *error = dynamic_cast<const Error *>(&e);
            const std::string what = error ? error->where() + ": " + error->detail() : std::string(e.what());
            if (!last)
                throw Error(ErrorKind::Format, where, "is not a journal entry (" + what + "); the journal is damaged");
            state.warnings.push_back(kJournalName + std::string(": line ") + std::to_string(line.number)
                                     + ", the last, is not a journal entry (" + what + "); it was dropped");
            break;
        }
        apply(state, decoded, where);
        state.validBytes = line.end + 1;
    }
    if (contents.tornLine)
        // Only the last line can lack its newline: the process stopped while writing it.
        state.warnings.push_back(kJournalName + std::string(": line ") + std::to_string(*contents.tornLine)
                                 + " is incomplete (the sweep stopped while writing it); it was dropped");
    return state;
}

void restorePruner(Pruner &pruner, const SweepState &state)
{
    for (const auto &e : state.pruningHistory) {
        if (e.finished)
            pruner.trialFinished(e.trial, e.state);
        else
            pruner.report(e.trial, e.step, e.value);
    }
}

} // namespace llmos
