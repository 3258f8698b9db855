#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace llmos {

// Dotted paths into a recipe document ("optimizer.lr", "training.early_stopping.patience"),
// the names docs/recipes.md, the catalog and the sweep file's space all use.

// The value at `path`, or nullptr when a part of it is missing (or not an object).
const nlohmann::json *findAtPath(const nlohmann::json &document, std::string_view path);
// Sets the value, creating the objects on the way.
void setAtPath(nlohmann::json &document, std::string_view path, nlohmann::json value);
// Whether `where` is `path` itself or lies inside it ("optimizer.betas[1]" lies inside
// "optimizer.betas", "optimizer.lr" does not lie inside "optimizer.l").
bool pathContains(std::string_view path, std::string_view where);
// An engine error's `where` without its "<source>: " prefix.
std::string fieldOfWhere(const std::string &where, const std::string &source);

} // namespace llmos
