#include "datasets/rowinterpreter.h"

#include "util/error.h"

#include <fmt/format.h>

#include <stdexcept>

namespace llmos {

namespace {

using Json = nlohmann::ordered_json;

// Thrown inside this file only, caught in interpret() and turned into a BadRow.
struct RowProblem : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const Json &field(const Json &object, const std::string &name, const std::string &path = {})
{
    const auto it = object.find(name);
    if (it == object.end()) throw RowProblem(fmt::format("missing field \"{}{}\"", path, name));
    return *it;
}

std::string stringField(const Json &object, const std::string &name, const std::string &path = {})
{
    const Json &value = field(object, name, path);
    if (!value.is_string())
        throw RowProblem(fmt::format("field \"{}{}\" must be a string, found {}", path, name, value.type_name()));
    return value.get<std::string>();
}

// An optional string field: missing or null is empty.
std::string optionalString(const Json &object, const std::string &name)
{
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string()) throw RowProblem(fmt::format("field \"{}\" must be a string, found {}", name, it->type_name()));
    return it->get<std::string>();
}

bool isBlankText(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void checkTurns(const std::vector<ChatTurn> &turns, const std::string &path)
{
    bool anyAssistant = false;
    for (std::size_t i = 0; i < turns.size(); ++i) {
        if (turns[i].role != "assistant") continue;
        anyAssistant = true;
        if (isBlankText(turns[i].content))
            throw RowProblem(fmt::format("empty assistant turn ({}[{}])", path, i));
    }
    if (!anyAssistant) throw RowProblem("no assistant turn: nothing to learn from this conversation");
}

std::vector<ChatTurn> alpacaTurns(const Json &row)
{
    std::vector<ChatTurn> turns;
    if (std::string system = optionalString(row, "system"); !system.empty()) turns.push_back({"system", system});
    if (const auto history = row.find("history"); history != row.end() && !history->is_null()) {
        if (!history->is_array()) throw RowProblem(fmt::format("field \"history\" must be a list of [prompt, response] pairs, found {}", history->type_name()));
        for (std::size_t i = 0; i < history->size(); ++i) {
            const Json &pair = (*history)[i];
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
                throw RowProblem(fmt::format("history[{}] must be a pair of strings [prompt, response]", i));
            turns.push_back({"user", pair[0].get<std::string>()});
            turns.push_back({"assistant", pair[1].get<std::string>()});
        }
    }
    std::string prompt = stringField(row, "instruction");
    if (std::string input = optionalString(row, "input"); !input.empty()) prompt += "\n\n" + input;
    turns.push_back({"user", std::move(prompt)});
    std::string output = stringField(row, "output");
    if (isBlankText(output)) throw RowProblem("empty assistant turn: field \"output\" is empty");
    turns.push_back({"assistant", std::move(output)});
    return turns;
}

// OpenAI messages (role/content) and ShareGPT conversations (from/value) differ in
// names only; ShareGPT's roles are mapped onto the chat template's.
std::vector<ChatTurn> conversationTurns(const Json &row, bool shareGpt)
{
    const std::string listName = shareGpt ? "conversations" : "messages";
    const std::string roleName = shareGpt ? "from" : "role";
    const std::string contentName = shareGpt ? "value" : "content";
    const Json &list = field(row, listName);
    if (!list.is_array() || list.empty())
        throw RowProblem(fmt::format("field \"{}\" must be a non-empty list of turns, found {}", listName,
                list.is_array() ? "an empty list" : list.type_name()));
    std::vector<ChatTurn> turns;
    if (shareGpt)
        if (std::string system = optionalString(row, "system"); !system.empty()) turns.push_back({"system", system});
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = fmt::format("{}[{}].", listName, i);
        if (!list[i].is_object()) throw RowProblem(fmt::format("{}[{}] must be an object, found {}", listName, i, list[i].type_name()));
        std::string role = stringField(list[i], roleName, path);
        std::string content = stringField(list[i], contentName, path);
        if (shareGpt) {
            if (role == "human") role = "user";
            else if (role == "gpt") role = "assistant";
            else if (role != "system")
                throw RowProblem(fmt::format("unknown role \"{}\" in {}{}: expected human, gpt or system", role, path, roleName));
        } else if (role != "system" && role != "user" && role != "assistant") {
            throw RowProblem(fmt::format("unknown role \"{}\" in {}{}: expected system, user or assistant", role, path, roleName));
        }
        turns.push_back({std::move(role), std::move(content)});
    }
    checkTurns(turns, listName);
    return turns;
}

} // namespace

RowInterpreter::RowInterpreter(DatasetKind kind, DatasetFields fields) : m_kind(kind), m_fields(std::move(fields)) {}

DatasetKind RowInterpreter::detectKind(const Json &row, const DatasetFields &fields)
{
    if (row.contains("messages")) return DatasetKind::OpenAiChat;
    if (row.contains("conversations")) return DatasetKind::ShareGpt;
    if (row.contains("instruction") && row.contains("output")) return DatasetKind::Alpaca;
    if (row.contains(fields.text) && row.contains(fields.label)) return DatasetKind::Classification;
    if (row.contains(fields.text)) return DatasetKind::PretrainText;
    std::string names;
    for (const auto &[key, value] : row.items()) names += (names.empty() ? "" : ", ") + key;
    throw Error(ErrorKind::Format, "dataset",
            fmt::format("cannot tell the dataset kind from the fields of the first row ({}): expected \"messages\", "
                        "\"conversations\", \"instruction\"+\"output\", \"{}\"+\"{}\" or \"{}\"; or name the kind",
                    names, fields.text, fields.label, fields.text));
}

std::string RowInterpreter::typeDrift(const SourceRow &row)
{
    if (m_typesLine == 0) return {};
    for (const auto &[key, value] : row.value.items()) {
        const auto it = m_fieldTypes.find(key);
        if (it != m_fieldTypes.end() && it->second != value.type_name())
            return fmt::format("field \"{}\" is {} here but was {} on line {} (type drifting between rows)", key,
                    value.type_name(), it->second, m_typesLine);
    }
    return {};
}

std::optional<DatasetExample> RowInterpreter::interpret(const SourceRow &row, BadRow &bad)
{
    if (m_kind == DatasetKind::Auto) m_kind = detectKind(row.value, m_fields);
    DatasetExample example;
    example.line = row.line;
    example.kind = m_kind;
    try {
        if (std::string drift = typeDrift(row); !drift.empty()) throw RowProblem(drift);
        switch (m_kind) {
        case DatasetKind::PretrainText:
            example.text = stringField(row.value, m_fields.text);
            if (example.text.empty()) throw RowProblem(fmt::format("field \"{}\" is empty", m_fields.text));
            break;
        case DatasetKind::Alpaca:
            example.turns = alpacaTurns(row.value);
            break;
        case DatasetKind::OpenAiChat: example.turns = conversationTurns(row.value, false); break;
        case DatasetKind::ShareGpt: example.turns = conversationTurns(row.value, true); break;
        case DatasetKind::Classification: {
            example.text = stringField(row.value, m_fields.text);
            const Json &label = field(row.value, m_fields.label);
            if (label.is_string()) example.label = label.get<std::string>();
            else if (label.is_number_integer()) example.label = label.dump();
            else throw RowProblem(fmt::format("field \"{}\" must be a string or an integer, found {}", m_fields.label, label.type_name()));
            if (example.label.empty()) throw RowProblem(fmt::format("field \"{}\" is empty", m_fields.label));
            break;
        }
        case DatasetKind::Auto: break;
        }
    } catch (const RowProblem &problem) {
        bad = {{}, row.line, 0, problem.what()};
        return std::nullopt;
    }
    if (m_typesLine == 0) {
        for (const auto &[key, value] : row.value.items()) m_fieldTypes.emplace(key, value.type_name());
        m_typesLine = row.line;
    }
    return example;
}

} // namespace llmos
