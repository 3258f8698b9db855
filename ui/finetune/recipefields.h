#pragma once

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace llmos {

// The one list of a training recipe's editable fields: the recipe form shows it, the
// sweep designer offers it as parameters, and a test compares it with the recipe's own
// keys so a new field cannot be forgotten. What each field means and accepts is in
// docs/recipes.md; the method options are those of engine/train/methods/methodfactory.cpp.

enum class RecipeSection {
    ModelAndData,
    Task,
    Method,
    Optimizer,
    Schedule,
    BatchAndLength,
    Evaluation,
    EarlyStopping,
    Regularisation,
    Compute,
    Output,
};

enum class RecipeFieldType {
    Int,
    Float,
    Bool,
    Choice,
    Text,
    Path,
    TextList,   // names, comma-separated in the form ("q_proj, v_proj")
    NumberList, // numbers, comma-separated ("0.9, 0.999")
    IntList,    // whole numbers, comma-separated
    Optional,   // an optional section (early stopping, FGM, augmentation): on or off
};

enum class PathKind { File, FileOrFolder };

struct RecipeChoice {
    const char *value;
    const char *label = nullptr; // English source text; nullptr shows the value itself
};

struct RecipeField {
    const char *path; // "optimizer.lr", "method.rank"
    RecipeSection section;
    RecipeFieldType type;
    const char *label; // English source texts, translated by labelText() and tooltipText()
    const char *help;
    nlohmann::json defaultValue{};     // null: required, or derived (see defaultNote)
    const char *defaultNote = nullptr; // a derived default in words ("same as the rank")
    std::optional<double> minimum{};   // the default initialisers let the catalog name only what it sets
    std::optional<double> maximum{};
    bool minimumExclusive = false;
    std::vector<RecipeChoice> choices{};
    std::vector<std::string> methodKinds{}; // method options: the kinds that read them
    const char *parent = nullptr;           // the Optional section the field belongs to
    PathKind pathKind = PathKind::FileOrFolder;
    bool required = false;
    // Left out of the recipe while at its default: warm-up takes steps or a share, never
    // both, and the synonym rate only goes with a synonym file.
    bool omitAtDefault = false;

    QString labelText() const;
    QString helpText() const;
    // Rich text, so it wraps: the help, then the recipe path and the default.
    QString tooltipText() const;
    QString defaultText() const; // "" when the field has no default to show
    QString choiceText(std::size_t index) const;
    bool isMethodOption() const { return !methodKinds.empty(); }
    bool appliesToMethod(std::string_view kind) const;
    // Numbers, switches and choices: what a sweep can vary.
    bool isSweepable() const;
    bool isWholeNumber() const { return type == RecipeFieldType::Int; }
};

class RecipeFields {
    Q_DECLARE_TR_FUNCTIONS(llmos::RecipeFields)
public:
    // In display order, section by section.
    static const std::vector<RecipeField> &all();
    static const RecipeField *find(std::string_view path);
    static QList<RecipeSection> sections();
    static QString sectionTitle(RecipeSection section);
    // The field an error's `where` names, without its source: the longest catalog path
    // that is `where` or lies above it ("optimizer.betas[1]" → optimizer.betas).
    static const RecipeField *fieldAt(std::string_view where);
    // The method kinds, in the order the method chooser lists them.
    static std::vector<std::string> methodKinds();

    // What is wrong with `value` for `field` by the catalog's type, range and choices,
    // in the engine's words ("must be 1..4096, not 0"); nullopt when it is fine.
    static std::optional<std::string> problemWith(const RecipeField &field, const nlohmann::json &value);

    // Checks a recipe's method object as the engine's method factory does (it needs
    // torch, so the designer cannot call it): every catalog option of the kind by type
    // and range, and the rules that tie options together. Keys the catalog does not know
    // are left for the engine. Throws Error(InvalidInput, "method.<option>").
    static void checkMethodOptions(const nlohmann::json &method);

private:
    // A member, so lupdate files the texts under this class's context.
    static std::vector<RecipeField> makeCatalog();
};

} // namespace llmos
