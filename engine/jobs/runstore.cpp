#include "jobs/runstore.h"

#include "jobs/runid.h"
#include "jobs/runlock.h"
#include "runtime/datadirectory.h"
#include "util/atomicfile.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace llmos {

namespace fs = std::filesystem;

namespace {

constexpr const char *kStateFile = "state.json";
constexpr const char *kRecipeFile = "recipe.json";
constexpr const char *kEventsFile = "events.jsonl";
constexpr const char *kCheckpointFolder = "checkpoints";

nlohmann::json readJsonFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, path, "missing");
    std::ostringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error &e) {
        throw Error(ErrorKind::Format, atByte(path, e.byte), "not valid JSON");
    }
}

} // namespace

RunStore::RunStore(std::string runsRoot)
    : m_root(std::move(runsRoot))
{
}

RunStore RunStore::inDataDirectory()
{
    return RunStore(dataDirectory() + "/runs");
}

std::string RunStore::runDirectory(const std::string &id) const
{
    if (!isSafeRunIdText(id))
        throw Error(ErrorKind::InvalidInput, "run id '" + id + "'",
                    "not a run id (letters, digits, '-', '_' and '.' only); 'llmos runs list' shows the ids");
    return m_root + "/" + id;
}

std::string RunStore::eventsPath(const std::string &id) const
{
    return runDirectory(id) + "/" + kEventsFile;
}

std::string RunStore::checkpointDirectory(const std::string &id) const
{
    return runDirectory(id) + "/" + kCheckpointFolder;
}

void RunStore::create(const RunState &state, const nlohmann::json &recipe) const
{
    const std::string dir = runDirectory(state.id);
    std::error_code ec;
    fs::create_directories(m_root, ec);
    if (ec)
        throw Error(ErrorKind::Io, m_root, "cannot create the runs folder: " + ec.message());
    if (!fs::create_directory(dir, ec)) {
        throw Error(ErrorKind::Io, dir,
                    ec ? "cannot create the run's folder: " + ec.message() : std::string("a run with this id already exists"));
    }
    fs::create_directory(checkpointDirectory(state.id), ec);
    if (ec)
        throw Error(ErrorKind::Io, checkpointDirectory(state.id), "cannot create the checkpoints folder: " + ec.message());
    writeFileAtomically(dir + "/" + kRecipeFile, recipe.dump(2) + "\n");
    writeState(state);
}

void RunStore::writeState(const RunState &state) const
{
    writeFileAtomically(runDirectory(state.id) + "/" + kStateFile, toJson(state).dump(2) + "\n");
}

bool RunStore::exists(const std::string &id) const
{
    std::error_code ec;
    return fs::is_directory(runDirectory(id), ec);
}

RunState RunStore::readState(const std::string &id) const
{
    if (!exists(id))
        throw Error(ErrorKind::NotFound, "run " + id, "no such run; 'llmos runs list' shows the runs");
    const std::string path = runDirectory(id) + "/" + kStateFile;
    RunState state = runStateFromJson(readJsonFile(path), path);
    if (state.id != id)
        throw Error(ErrorKind::Format, path + ": id", "says '" + state.id + "' but the folder is '" + id + "'");
    return state;
}

nlohmann::json RunStore::readRecipe(const std::string &id) const
{
    return readJsonFile(runDirectory(id) + "/" + kRecipeFile);
}

EventLog RunStore::readEvents(const std::string &id) const
{
    return readEventLog(eventsPath(id));
}

std::vector<std::string> RunStore::checkpoints(const std::string &id) const
{
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(checkpointDirectory(id), ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<RunListing> RunStore::list() const
{
    std::vector<RunListing> runs;
    std::error_code ec;
    for (fs::directory_iterator it(m_root, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code typeError;
        if (!it->is_directory(typeError))
            continue;
        RunListing listing;
        listing.id = it->path().filename().string();
        if (!isSafeRunIdText(listing.id))
            continue; // not ours (e.g. a hidden temp folder)
        try {
            listing.state = readState(listing.id);
        } catch (const Error &e) {
            listing.damage = e.what();
        }
        runs.push_back(std::move(listing));
    }
    std::sort(runs.begin(), runs.end(), [](const RunListing &a, const RunListing &b) {
        const std::int64_t ta = a.state ? a.state->createdMs : 0;
        const std::int64_t tb = b.state ? b.state->createdMs : 0;
        return ta != tb ? ta > tb : a.id < b.id;
    });
    return runs;
}

RunStore::Recovery RunStore::recoverInterrupted() const
{
    Recovery recovery;
    for (const RunListing &listing : list()) {
        if (!listing.state || (listing.state->state != JobState::Running && listing.state->state != JobState::Queued))
            continue;
        try {
            if (recoverOne(listing.id))
                recovery.recovered.push_back(listing.id);
        } catch (const Error &e) {
            recovery.problems.push_back(e.what());
        }
    }
    return recovery;
}

bool RunStore::recoverOne(const std::string &id) const
{
    const auto lock = RunLock::tryAcquire(runDirectory(id));
    if (!lock)
        return false; // a live process owns it
    // Re-read under the lock: the owner may have finished between list() and now.
    RunState state = readState(id);
    if (state.state != JobState::Running && state.state != JobState::Queued)
        return false;
    const EventLog log = readEvents(id);
    const std::int64_t lastSeen = log.lastTimeMs > 0 ? log.lastTimeMs : state.updatedMs;
    const JobState from = state.state;
    state.state = JobState::Interrupted;
    state.finishedMs = lastSeen;
    state.updatedMs = wallClockMs();
    state.reason = "the process running it ended before it finished (a crash, a kill or a power loss); "
                   "it can be resumed from its last checkpoint";
    EventLogWriter writer(eventsPath(id), log.completeBytes);
    // Stamped with the last event's time, so a chart's time axis does not stretch over
    // the hours the process was gone.
    writer.append(JobEvent{id, log.lastSequence + 1, lastSeen, JobStateChanged{from, JobState::Interrupted, state.reason}});
    writer.sync();
    writeState(state);
    return true;
}

} // namespace llmos
