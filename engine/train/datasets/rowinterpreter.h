#pragma once

#include "datasets/datasetexample.h"
#include "datasets/datasetrows.h"
#include "datasets/datasetspec.h"

#include <map>
#include <optional>
#include <string>

namespace llmos {

// Gives rows their meaning: detects the kind from the first row (unless the spec names
// one), then checks every row against it and turns it into a DatasetExample. What a
// row can get wrong, each a BadRow with the row's line: a missing field, a field of
// the wrong type, a type that differs from the one the field had in the first row
// (type drift: a label that is a number in one row and a string in another), an empty
// assistant turn, a role we do not know, a conversation with no assistant turn.
class RowInterpreter {
public:
    RowInterpreter(DatasetKind kind, DatasetFields fields);

    // Error(Format) when the kind is Auto and the first row's fields match no kind.
    std::optional<DatasetExample> interpret(const SourceRow &row, BadRow &bad);

    // The kind in use: detected after the first row, else what the spec said.
    DatasetKind kind() const { return m_kind; }

    static DatasetKind detectKind(const nlohmann::ordered_json &row, const DatasetFields &fields);

private:
    std::string typeDrift(const SourceRow &row);

    DatasetKind m_kind;
    DatasetFields m_fields;
    // Each top-level field's JSON type name in the first good row, and that row's line.
    std::map<std::string, std::string, std::less<>> m_fieldTypes;
    std::uint64_t m_typesLine = 0;
};

} // namespace llmos
