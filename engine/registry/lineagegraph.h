#pragma once

#include "registry/lineageedge.h"

#include <string>
#include <string_view>
#include <vector>

namespace llmos {

class SqliteDatabase;

// The SQL behind the lineage table on one connection: edges between models and walks
// up (ancestors) and down (descendants). Like ModelCatalog it neither locks nor starts
// transactions.
class LineageGraph {
public:
    explicit LineageGraph(SqliteDatabase &db);

    // Adds from -> to. Refuses (Error(InvalidInput)) an edge that would make a model its
    // own ancestor; adding an existing edge again changes nothing.
    void add(const LineageEdge &edge);

    // Direct edges into / out of a model, oldest first.
    std::vector<LineageEdge> parents(std::string_view id) const;
    std::vector<LineageEdge> children(std::string_view id) const;
    // All edges above / below a model, nearest first (breadth-first; depth set).
    std::vector<LineageEdge> ancestors(std::string_view id) const;
    std::vector<LineageEdge> descendants(std::string_view id) const;

private:
    std::vector<LineageEdge> edges(std::string_view column, std::string_view id) const;
    std::vector<LineageEdge> walk(std::string_view id, bool up) const;

    SqliteDatabase &m_db;
};

} // namespace llmos
