#include "sweep/sweepfile.h"

#include "sweep/gridsampler.h"

#include "recipe/jsonfieldreader.h"
#include "recipe/trainingrecipe.h"

#include "formats/strictjson.h"
#include "util/error.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace llmos {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxGridSize = 100'000;
constexpr std::int64_t kMaxSteps = 1'000'000'000;
// Configurations scanned, and recipes parsed, when checking the space against the recipe.
constexpr std::size_t kMaxScanned = 10'000;
constexpr std::size_t kMaxRecipeChecks = 2'000;

[[noreturn]] void failAt(const std::string &source, const std::string &field, const std::string &detail)
{
    throw Error(ErrorKind::InvalidInput, source + ": " + field, detail);
}

std::string numberText(double value)
{
    std::ostringstream text;
    text.precision(15);
    text << value;
    return text.str();
}

// "optimizer.lr", "training.early_stopping.patience": dot-separated names of letters,
// digits and underscores.
bool isRecipePath(const std::string &path)
{
    if (path.empty() || path.front() == '.' || path.back() == '.')
        return false;
    char previous = '.';
    for (char c : path) {
        const bool nameChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!nameChar && !(c == '.' && previous != '.'))
            return false;
        previous = c;
    }
    return true;
}

std::vector<json> readValues(const json &list, const std::string &source, const std::string &field)
{
    if (!list.is_array())
        failAt(source, field, std::string("must be a list of values, not ") + list.type_name());
    if (list.empty())
        failAt(source, field, "is an empty list: give at least one value");
    std::vector<json> values;
    for (std::size_t i = 0; i < list.size(); ++i) {
        for (const auto &earlier : values)
            if (earlier == list[i])
                failAt(source, field + "[" + std::to_string(i) + "]", "repeats " + list[i].dump());
        values.push_back(list[i]);
    }
    return values;
}

void readBounds(SearchParameter &p, const json &bounds, const std::string &source, const std::string &field)
{
    const bool whole = p.kind == ParameterKind::Int;
    if (!bounds.is_array() || bounds.size() != 2 || !bounds[0].is_number() || !bounds[1].is_number())
        failAt(source, field, whole ? "must be [low, high], two whole numbers, e.g. [4, 32]"
                                    : "must be [low, high], two numbers, e.g. [0.0, 0.3]");
    p.low = bounds[0].get<double>();
    p.high = bounds[1].get<double>();
    if (!std::isfinite(p.low) || !std::isfinite(p.high))
        failAt(source, field, "must be finite numbers");
    if (whole && (std::nearbyint(p.low) != p.low || std::nearbyint(p.high) != p.high || std::abs(p.low) > 9e15
                  || std::abs(p.high) > 9e15))
        failAt(source, field, "must be two whole numbers, e.g. [4, 32], not " + bounds.dump());
    if (!(p.low < p.high))
        failAt(source, field, "low " + numberText(p.low) + " must be below high " + numberText(p.high));
    if (p.kind == ParameterKind::LogUniform && p.low <= 0)
        failAt(source, field, "low must be above 0 on a log scale, not " + numberText(p.low));
}

const char *kDistributionKeys[] = {"uniform", "log_uniform", "int", "choice"};

SearchParameter parseParameter(const std::string &path, const json &entry, const std::string &source)
{
    const std::string field = "space." + path;
    if (!isRecipePath(path))
        failAt(source, field, "is not a recipe path such as optimizer.lr or training.batch_size");
    SearchParameter p;
    p.path = path;
    if (entry.is_array()) {
        p.kind = ParameterKind::List;
        p.values = readValues(entry, source, field);
        return p;
    }
    if (!entry.is_object())
        failAt(source, field,
               std::string("must be a list of values or an object such as {\"uniform\": [0, 1]}, not ")
                   + entry.type_name());
    std::string kind;
    for (const char *key : kDistributionKeys) {
        if (!entry.contains(key))
            continue;
        if (!kind.empty())
            failAt(source, field + "." + key, "give one of uniform, log_uniform, int or choice, not both " + kind
                                                  + " and " + key);
        kind = key;
    }
    if (kind.empty())
        failAt(source, field,
               "needs one of uniform, log_uniform, int or choice (e.g. {\"uniform\": [0, 0.3]}), or a plain list "
               "of values");
    const std::string kindField = field + "." + kind;
    if (kind == "choice") {
        p.kind = ParameterKind::Choice;
        p.values = readValues(entry.at(kind), source, kindField);
    } else {
        p.kind = kind == "uniform" ? ParameterKind::Uniform
                 : kind == "int"   ? ParameterKind::Int
                                   : ParameterKind::LogUniform;
        readBounds(p, entry.at(kind), source, kindField);
    }
    // The other keys go through the strict reader, so a typo such as "lgo" is refused.
    json rest = entry;
    rest.erase(kind);
    rest.erase("when");
    JsonFieldReader reader(rest, source, field);
    if (p.kind == ParameterKind::Int) {
        p.log = reader.boolean("log", false);
        if (p.log && p.low < 1)
            failAt(source, kindField, "low must be at least 1 on a log scale, not " + numberText(p.low));
    } else if (reader.has("log")) {
        reader.fail("log", p.kind == ParameterKind::Uniform
                               ? "applies to int only; use {\"log_uniform\": [low, high]} for a number on a log scale"
                               : "applies to int only");
    }
    reader.finish();
    return p;
}

std::string describeDomain(const SearchParameter &p)
{
    switch (p.kind) {
    case ParameterKind::List:
    case ParameterKind::Choice: {
        std::string list;
        for (const auto &v : p.values)
            list += (list.empty() ? "" : ", ") + v.dump();
        return "its values are " + list;
    }
    case ParameterKind::Int:
        return "it takes whole numbers from " + numberText(p.low) + " to " + numberText(p.high);
    default:
        return "it takes numbers from " + numberText(p.low) + " to " + numberText(p.high);
    }
}

void parseConditions(std::vector<SearchParameter> &parameters, const std::vector<json> &conditions,
                     const std::string &source)
{
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const json &when = conditions[i];
        if (when.is_null())
            continue;
        auto &p = parameters[i];
        const std::string field = "space." + p.path + ".when";
        if (!when.is_object() || when.empty())
            failAt(source, field, "must be an object of parameter: [values], e.g. {\"method.kind\": [\"lora\"]}");
        for (auto it = when.begin(); it != when.end(); ++it) {
            const std::string conditionField = field + "." + it.key();
            if (it.key() == p.path)
                failAt(source, conditionField, "a parameter cannot depend on itself");
            const SearchParameter *target = nullptr;
            for (const auto &other : parameters)
                if (other.path == it.key())
                    target = &other;
            if (!target) {
                std::string known;
                for (const auto &other : parameters)
                    if (other.path != p.path)
                        known += (known.empty() ? "" : ", ") + other.path;
                failAt(source, conditionField,
                       "names no parameter of the space" + (known.empty() ? std::string() : " (it has " + known + ")"));
            }
            ParameterCondition condition{it.key(), {}};
            condition.values = readValues(it.value(), source, conditionField);
            for (const auto &value : condition.values)
                if (!target->canTake(value))
                    failAt(source, conditionField,
                           it.key() + " never takes " + value.dump() + ": " + describeDomain(*target));
            p.when.push_back(std::move(condition));
        }
    }
}

// The space checked as a whole: no path inside another, no circular conditions.
void checkSpace(const SearchSpace &space, const std::string &source)
{
    for (const auto &a : space.parameters())
        for (const auto &b : space.parameters())
            if (b.path.size() > a.path.size() && b.path.compare(0, a.path.size() + 1, a.path + ".") == 0)
                failAt(source, "space." + b.path,
                       "lies inside " + a.path + ", which the space also sets; vary one or the other");
    if (const auto cycle = space.conditionCycle())
        failAt(source, "space." + *cycle + ".when",
               "goes round in a circle: the parameters it depends on depend on it in turn");
}

// The values a parameter is checked with against the recipe: every listed value, or the
// ends of a range.
std::vector<json> probeValues(const SearchParameter &p)
{
    if (p.isCategorical())
        return p.values;
    if (p.kind == ParameterKind::Int)
        return {json(static_cast<std::int64_t>(p.low)), json(static_cast<std::int64_t>(p.high))};
    return {json(p.low), json(p.high)};
}

// Parses the recipe with a configuration applied and turns the recipe parser's error
// into one that names the sweep's field: the space parameter it came from, or the base
// recipe ("recipe.optimizer.nesterov") when the configuration only made it show.
TrainingRecipe checkConfiguration(const json &baseRecipe, const Assignment &assignment, const SearchSpace &space,
                                  const std::string &varied, const std::string &source)
{
    const json recipe = applyConfiguration(baseRecipe, space, assignment, source);
    try {
        return parseTrainingRecipe(recipe, source);
    } catch (const Error &e) {
        std::string field = e.where();
        if (field.compare(0, source.size() + 2, source + ": ") == 0)
            field = field.substr(source.size() + 2);
        auto within = [&](const std::string &path) {
            return field == path || field.compare(0, path.size() + 1, path + ".") == 0
                   || field.compare(0, path.size() + 1, path + "[") == 0;
        };
        std::string blamed = !varied.empty() && within(varied) ? varied : std::string();
        for (const auto &[path, value] : assignment)
            if (blamed.empty() && within(path))
                blamed = path;
        const std::string configuration = describeAssignment(space, assignment);
        if (!blamed.empty())
            throw Error(e.kind(), source + ": space." + blamed,
                        "the recipe parser says " + field + " " + e.detail() + " (trying " + configuration + ")");
        throw Error(e.kind(), source + ": recipe." + field,
                    e.detail() + " (with " + configuration + " from the space)");
    }
}

// Every parameter is tried against the recipe: each listed value, or both ends of its
// range, applied to the first configuration in which it is active. Distributions stand
// in by their low end while other parameters are tried.
TrainingRecipe checkSpaceAgainstRecipe(const json &baseRecipe, const SearchSpace &space, const std::string &source)
{
    std::vector<SearchParameter> stand;
    for (const auto &p : space.parameters()) {
        SearchParameter s = p;
        if (!s.isCategorical()) {
            s.kind = ParameterKind::List;
            s.values = {probeValues(p).front()};
        }
        stand.push_back(std::move(s));
    }
    std::vector<Assignment> full; // value for every parameter, in grid order
    std::vector<std::size_t> position(stand.size(), 0);
    while (full.size() < kMaxScanned) {
        Assignment all;
        for (std::size_t i = 0; i < stand.size(); ++i)
            all.emplace(stand[i].path, stand[i].values[position[i]]);
        full.push_back(std::move(all));
        std::size_t wheel = stand.size();
        bool done = true;
        while (wheel > 0) {
            --wheel;
            if (++position[wheel] < stand[wheel].values.size()) {
                done = false;
                break;
            }
            position[wheel] = 0;
        }
        if (done)
            break;
    }

    const TrainingRecipe first = checkConfiguration(baseRecipe, space.activeOnly(full.front()), space, {}, source);
    std::set<std::string> checked{assignmentKey(space.activeOnly(full.front()))};
    for (const auto &p : space.parameters()) {
        const Assignment *where = nullptr;
        for (const auto &all : full)
            if (space.activeOnly(all).contains(p.path)) {
                where = &all;
                break;
            }
        if (!where)
            continue; // active only in configurations past the scan; its trials will tell
        for (const auto &value : probeValues(p)) {
            if (checked.size() >= kMaxRecipeChecks)
                return first;
            Assignment all = *where;
            all[p.path] = value;
            const Assignment active = space.activeOnly(all);
            if (checked.insert(assignmentKey(active)).second)
                checkConfiguration(baseRecipe, active, space, p.path, source);
        }
    }
    return first;
}

bool spaceSets(const SearchSpace &space, const std::string &path)
{
    return space.find(path) != nullptr;
}

StrategySettings parseStrategy(JsonFieldReader reader)
{
    StrategySettings s;
    const auto kind = reader.choice("kind", {"grid", "random", "tpe"}, "random");
    s.kind = kind == "grid" ? StrategyKind::Grid : kind == "tpe" ? StrategyKind::Tpe : StrategyKind::Random;
    if (s.kind == StrategyKind::Grid && reader.has("seed"))
        reader.fail("seed", "applies to the random and tpe strategies; a grid has nothing random");
    s.seed = static_cast<std::uint64_t>(reader.integer("seed", 0, 0, INT64_MAX));
    for (const char *knob : {"startup_trials", "candidates", "gamma"})
        if (s.kind != StrategyKind::Tpe && reader.has(knob))
            reader.fail(knob, "applies to the tpe strategy only");
    s.startupTrials = reader.integer("startup_trials", s.startupTrials, 0, 1'000'000);
    s.candidates = reader.integer("candidates", s.candidates, 1, 10'000);
    s.gamma = reader.number("gamma", s.gamma, 0.0, 1.0, true);
    if (s.gamma >= 1.0)
        reader.fail("gamma", "must be below 1: it is the share of trials counted as good");
    reader.finish();
    return s;
}

Objective parseObjective(JsonFieldReader reader)
{
    Objective o;
    o.metric = reader.choice("metric", {"eval_loss", "perplexity", "accuracy", "macro_f1"}, o.metric);
    const auto direction =
        reader.choice("direction", {"minimize", "maximize"}, objectiveDirectionName(defaultDirection(o.metric)));
    o.direction = direction == "maximize" ? ObjectiveDirection::Maximize : ObjectiveDirection::Minimize;
    reader.finish();
    return o;
}

PrunerSettings parsePruner(JsonFieldReader reader, const TrainingRecipe &recipe, const SearchSpace &space)
{
    PrunerSettings p;
    const auto kind = reader.choice("kind", {"none", "asha", "hyperband", "median"}, "none");
    p.kind = kind == "asha"        ? PrunerKind::Asha
             : kind == "hyperband" ? PrunerKind::Hyperband
             : kind == "median"    ? PrunerKind::Median
                                   : PrunerKind::None;
    const bool halving = p.kind == PrunerKind::Asha || p.kind == PrunerKind::Hyperband;
    for (const char *knob : {"min_steps", "max_steps", "reduction_factor"})
        if (!halving && reader.has(knob))
            reader.fail(knob, "applies to the asha and hyperband pruners only");
    for (const char *knob : {"startup_trials", "warmup_steps"})
        if (p.kind != PrunerKind::Median && reader.has(knob))
            reader.fail(knob, "applies to the median pruner only");

    const bool recipeLengthFixed = !spaceSets(space, "training.max_steps") && recipe.training.maxSteps > 0;
    if (halving) {
        if (!reader.has("min_steps"))
            reader.fail("min_steps", "is required for " + kind + ": the first rung, in optimizer steps, e.g. 50");
        p.minSteps = reader.integer("min_steps", 0, 1, kMaxSteps);
        if (reader.has("max_steps"))
            p.maxSteps = reader.integer("max_steps", 0, 1, kMaxSteps);
        else if (recipeLengthFixed)
            p.maxSteps = recipe.training.maxSteps;
        else
            reader.fail("max_steps", "is required: the recipe sets no training.max_steps, so give the length of a "
                                     "trial in optimizer steps");
        p.reductionFactor = reader.integer("reduction_factor", p.reductionFactor, 2, 100);
        if (p.maxSteps <= p.minSteps)
            reader.fail("max_steps", "must be above min_steps (" + std::to_string(p.minSteps) + ")");
        if (recipeLengthFixed && p.maxSteps > recipe.training.maxSteps)
            reader.fail("max_steps", "is above the recipe's training.max_steps "
                                         + std::to_string(recipe.training.maxSteps)
                                         + ": trials end there, so rungs past it would never be reached");
    }
    if (p.kind == PrunerKind::Median) {
        p.startupTrials = reader.integer("startup_trials", p.startupTrials, 0, 1'000'000);
        p.warmupSteps = reader.integer("warmup_steps", p.warmupSteps, 0, kMaxSteps);
        if (recipe.training.evalEvery == 0 && !spaceSets(space, "training.eval_every"))
            reader.fail("kind", "median pruning compares evaluations made during training: set "
                                "training.eval_every above 0 in the recipe");
    }
    reader.finish();
    return p;
}

SweepBudget parseBudget(JsonFieldReader reader, StrategyKind strategy)
{
    SweepBudget b;
    if (strategy != StrategyKind::Grid && !reader.has("max_trials"))
        reader.fail("max_trials", std::string("is required for the ") + strategyKindName(strategy)
                                      + " strategy: how many trials to run at most");
    b.maxTrials = reader.integer("max_trials", 0, 1, 1'000'000);
    b.maxTimeSeconds = reader.number("max_time_s", 0.0, 0.0, 1e9, true);
    b.maxConcurrent = reader.integer("max_concurrent", b.maxConcurrent, 1, 1024);
    reader.finish();
    return b;
}

std::string readTextFile(const std::string &path, const std::string &where, const std::string &what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::NotFound, where, "cannot open " + what + " " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The base recipe: parsed alone first, so its own mistakes are reported as such.
json readBaseRecipe(JsonFieldReader &top, const std::string &source, const std::string &baseFolder)
{
    const bool inline_ = top.has("recipe"), byPath = top.has("recipe_path");
    if (inline_ && byPath)
        top.fail("recipe_path", "give recipe or recipe_path, not both");
    if (!inline_ && !byPath)
        top.fail("recipe", "is required: give the training recipe here, or its file as recipe_path");
    if (byPath) {
        top.object("recipe");
        auto path = std::filesystem::path(top.requiredString("recipe_path"));
        if (path.is_relative())
            path = std::filesystem::path(baseFolder) / path;
        const auto text = readTextFile(path.string(), source + ": recipe_path", "the recipe file");
        json recipe = parseJsonStrict(text, path.string());
        parseTrainingRecipe(recipe, path.string());
        return recipe;
    }
    top.string("recipe_path", {});
    json recipe = top.object("recipe");
    try {
        parseTrainingRecipe(recipe, source);
    } catch (const Error &e) {
        const std::string prefix = source + ": ";
        if (e.where().compare(0, prefix.size(), prefix) == 0)
            throw Error(e.kind(), prefix + "recipe." + e.where().substr(prefix.size()), e.detail());
        throw;
    }
    return recipe;
}

} // namespace

const char *strategyKindName(StrategyKind kind) noexcept
{
    switch (kind) {
    case StrategyKind::Grid:
        return "grid";
    case StrategyKind::Random:
        return "random";
    case StrategyKind::Tpe:
        return "tpe";
    }
    return "random";
}

const char *prunerKindName(PrunerKind kind) noexcept
{
    switch (kind) {
    case PrunerKind::None:
        return "none";
    case PrunerKind::Asha:
        return "asha";
    case PrunerKind::Hyperband:
        return "hyperband";
    case PrunerKind::Median:
        return "median";
    }
    return "none";
}

SweepSpec parseSweepDocument(const nlohmann::ordered_json &document, const std::string &source,
                             const std::string &baseFolder)
{
    const json doc = document;
    JsonFieldReader top(doc, source, "");
    SweepSpec spec;
    top.integer("version", 1, 1, 1);
    auto stem = std::filesystem::path(source).stem().string();
    spec.name = top.string("name", stem.empty() ? "sweep" : stem);
    if (spec.name.empty())
        top.fail("name", "must not be empty");
    spec.baseRecipe = readBaseRecipe(top, source, baseFolder);

    // The space in file order: the grid's first axis is the first parameter.
    const json &spaceJson = top.object("space");
    if (spaceJson.empty())
        top.fail("space", "is required: give at least one parameter, e.g. {\"optimizer.lr\": [1e-4, 3e-4]}");
    std::vector<SearchParameter> parameters;
    std::vector<json> conditions;
    for (auto it = document.at("space").begin(); it != document.at("space").end(); ++it) {
        const json &entry = spaceJson.at(it.key());
        parameters.push_back(parseParameter(it.key(), entry, source));
        conditions.push_back(entry.is_object() && entry.contains("when") ? entry.at("when") : json());
    }
    parseConditions(parameters, conditions, source);
    spec.space = SearchSpace(std::move(parameters));
    checkSpace(spec.space, source);

    spec.strategy = parseStrategy(top.child("strategy"));
    spec.objective = parseObjective(top.child("objective"));
    auto prunerReader = top.child("pruner");
    auto budgetReader = top.child("budget");
    top.finish();

    const TrainingRecipe first = checkSpaceAgainstRecipe(spec.baseRecipe, spec.space, source);
    const auto &metric = spec.objective.metric;
    if ((metric == "accuracy" || metric == "macro_f1") && first.task.kind != TrainingTaskKind::Classification)
        failAt(source, "objective.metric", metric + " needs a classification task (task.kind \"classification\" in "
                                                    "the recipe); use eval_loss or perplexity");
    if (first.dataset.validationFraction <= 0 && first.dataset.validationPath.empty() && !spaceSets(spec.space, "dataset.validation_fraction"))
        failAt(source, "objective.metric", metric + " is measured on validation data: set "
                                                    "dataset.validation_fraction above 0 in the recipe");
    spec.pruner = parsePruner(prunerReader, first, spec.space);
    spec.budget = parseBudget(budgetReader, spec.strategy.kind);

    if (spec.strategy.kind == StrategyKind::Grid) {
        for (const auto &p : spec.space.parameters())
            if (!p.isCategorical())
                failAt(source, "space." + p.path,
                       "is a range of values; the grid strategy needs a list of values here (or use the random or "
                       "tpe strategy)");
        const auto product = gridProductSize(spec.space, kMaxGridSize);
        if (product > kMaxGridSize)
            failAt(source, "space", "the grid has more than " + std::to_string(kMaxGridSize)
                                        + " configurations; shorten the lists, or use the random or tpe strategy");
        const std::size_t limit = spec.budget.maxTrials > 0 ? static_cast<std::size_t>(spec.budget.maxTrials)
                                                            : kMaxGridSize;
        spec.grid = enumerateGrid(spec.space, limit);
        spec.budget.maxTrials = static_cast<std::int64_t>(spec.grid.size());
    }

    // sweep.json keeps the recipe itself, in the place of recipe_path, and the name even
    // when it came from the file name (Hyperband's brackets hash it).
    spec.document = nlohmann::ordered_json::object();
    if (!document.contains("name"))
        spec.document["name"] = spec.name;
    for (auto it = document.begin(); it != document.end(); ++it) {
        if (it.key() == "recipe_path")
            spec.document["recipe"] = spec.baseRecipe;
        else
            spec.document[it.key()] = it.value();
    }
    return spec;
}

SweepSpec parseSweepText(std::string_view text, const std::string &source, const std::string &baseFolder)
{
    parseJsonStrict(text, source); // duplicate keys, depth and syntax, with line and column
    return parseSweepDocument(nlohmann::ordered_json::parse(text), source, baseFolder);
}

SweepSpec loadSweepFile(const std::string &path)
{
    const auto text = readTextFile(path, path, "the sweep file");
    auto folder = std::filesystem::path(path).parent_path().string();
    return parseSweepText(text, path, folder.empty() ? "." : folder);
}

} // namespace llmos
