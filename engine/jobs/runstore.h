#pragma once

#include "jobs/eventlog.h"
#include "jobs/runstate.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace llmos {

// One entry of RunStore::list(): the run's state, or why its folder could not be read.
struct RunListing {
    std::string id;
    std::optional<RunState> state; // empty: the folder is damaged
    std::string damage;            // what is wrong with it, when damaged
};

// The runs on disk: $LLMOS_HOME/runs/<id>/ holding
//   recipe.json   the job's recipe, as submitted (written atomically, never changed)
//   state.json    RunState (atomically replaced at each state change)
//   events.jsonl  every event of the run, one JSON object per line (EventLogWriter)
//   run.lock      flock()ed while a process owns the run (RunLock)
//   checkpoints/  written by the job body (the trainer), listed here
// Stateless apart from the root folder: safe to use from any thread, one writer per run.
class RunStore {
public:
    explicit RunStore(std::string runsRoot);
    // dataDirectory()/runs
    static RunStore inDataDirectory();

    const std::string &root() const noexcept { return m_root; }
    // root/<id>; throws Error(InvalidInput) for ids that are not safe folder names.
    std::string runDirectory(const std::string &id) const;
    std::string eventsPath(const std::string &id) const;
    std::string checkpointDirectory(const std::string &id) const;

    // Makes the run's folder (refusing one that exists) with recipe.json and state.json.
    void create(const RunState &state, const nlohmann::json &recipe) const;
    void writeState(const RunState &state) const;

    bool exists(const std::string &id) const;
    // Throws Error(NotFound) for an unknown run, Error(Format) for a damaged state.json.
    RunState readState(const std::string &id) const;
    nlohmann::json readRecipe(const std::string &id) const;
    EventLog readEvents(const std::string &id) const;
    // Names under checkpoints/, oldest name first (sorted by name).
    std::vector<std::string> checkpoints(const std::string &id) const;

    // Every run folder, newest first; damaged ones included and marked.
    std::vector<RunListing> list() const;

    // Start-up recovery: runs whose state.json says queued or running but that no live
    // process owns (RunLock is free) become interrupted, stamped with the time of their
    // last event, with a state event appended. A run that cannot be recovered (its folder
    // is not writable) is left as it is and described in `problems`.
    struct Recovery {
        std::vector<std::string> recovered;
        std::vector<std::string> problems;
    };
    Recovery recoverInterrupted() const;

private:
    bool recoverOne(const std::string &id) const;

    std::string m_root;
};

} // namespace llmos
