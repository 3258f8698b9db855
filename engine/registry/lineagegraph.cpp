#include "registry/lineagegraph.h"

#include "registry/sqlitedatabase.h"
#include "registry/sqlitestatement.h"
#include "util/error.h"

#include <deque>
#include <set>

namespace llmos {

LineageGraph::LineageGraph(SqliteDatabase &db)
    : m_db(db)
{
}

void LineageGraph::add(const LineageEdge &edge)
{
    if (!edge.fromId.empty()) {
        if (edge.fromId == edge.toId)
            throw Error(ErrorKind::InvalidInput, edge.toName, "a model cannot be made from itself");
        for (const auto &below : descendants(edge.toId))
            if (below.toId == edge.fromId)
                throw Error(ErrorKind::InvalidInput, edge.toName,
                            "is already an ancestor of " + edge.fromName + "; the edge would make a cycle");
    }
    auto s = m_db.prepare("INSERT OR IGNORE INTO lineage (from_model, from_name, to_model, kind, run_id, dataset_id, created_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          "recording lineage");
    s.bindTextOrNull(1, edge.fromId).bindText(2, edge.fromName).bindText(3, edge.toId);
    s.bindText(4, lineageKindName(edge.kind)).bindTextOrNull(5, edge.runId).bindTextOrNull(6, edge.datasetId);
    s.bindInt(7, edge.createdAt);
    s.run();
}

std::vector<LineageEdge> LineageGraph::edges(std::string_view column, std::string_view id) const
{
    // column is one of two literals from this file, never user input.
    auto s = m_db.prepare("SELECT l.from_model, l.from_name, l.to_model, t.name, l.kind, l.run_id, l.dataset_id, l.created_at "
                          "FROM lineage l JOIN models t ON t.id = l.to_model WHERE l."
                              + std::string(column) + " = ?1 ORDER BY l.created_at, l.id",
                          "reading lineage");
    s.bindText(1, id);
    std::vector<LineageEdge> out;
    while (s.step()) {
        LineageEdge e;
        e.fromId = s.columnText(0);
        e.fromName = s.columnText(1);
        e.toId = s.columnText(2);
        e.toName = s.columnText(3);
        e.kind = parseLineageKind(s.columnText(4)).value_or(LineageKind::FineTune);
        e.runId = s.columnText(5);
        e.datasetId = s.columnText(6);
        e.createdAt = s.columnInt(7);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<LineageEdge> LineageGraph::parents(std::string_view id) const
{
    return edges("to_model", id);
}

std::vector<LineageEdge> LineageGraph::children(std::string_view id) const
{
    return edges("from_model", id);
}

std::vector<LineageEdge> LineageGraph::walk(std::string_view id, bool up) const
{
    // Breadth-first with a visited set: lineage graphs are small, merges make diamonds,
    // and a damaged table with a cycle must still end.
    std::vector<LineageEdge> out;
    std::set<std::string> visited{std::string(id)};
    std::deque<std::pair<std::string, int>> queue{{std::string(id), 1}};
    while (!queue.empty()) {
        auto [current, depth] = queue.front();
        queue.pop_front();
        for (auto &edge : up ? parents(current) : children(current)) {
            edge.depth = depth;
            const std::string next = up ? edge.fromId : edge.toId;
            out.push_back(edge);
            if (!next.empty() && visited.insert(next).second)
                queue.emplace_back(next, depth + 1);
        }
    }
    return out;
}

std::vector<LineageEdge> LineageGraph::ancestors(std::string_view id) const
{
    return walk(id, true);
}

std::vector<LineageEdge> LineageGraph::descendants(std::string_view id) const
{
    return walk(id, false);
}

} // namespace llmos
