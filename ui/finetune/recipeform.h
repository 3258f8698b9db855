#pragma once

#include "finetune/recipefields.h"
#include "recipe/trainingrecipe.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;

namespace llmos {

class RecipeFieldEditor;

// The fine-tune designer's advanced view: every field of a training recipe, section by
// section, each with its plain-words tooltip. After each edit the form writes the recipe
// document and runs the engine's own parser on it (cheap, no I/O), so the form never
// calls a recipe good that `llmos train` would refuse; the field the error names gets a
// red border and the message under it. The method section shows the chosen kind's
// options only; options a loaded recipe had that the catalog does not know are kept.
class RecipeForm : public QWidget {
    Q_OBJECT
public:
    explicit RecipeForm(QWidget *parent = nullptr);

    void setRecipe(const TrainingRecipe &recipe);
    // A recipe document as written: keys it leaves out stay out (so the method's default
    // learning rate still follows the method), unknown method options are kept.
    void setRecipeJson(const nlohmann::json &document);
    // Valid only when isValid().
    TrainingRecipe recipe() const { return m_recipe; }
    nlohmann::json recipeJson() const { return m_document; }
    bool isValid() const { return m_valid; }
    // Why the recipe is not valid, in plain words ("Learning rate: must be in (0, 10], not 20").
    QString validationMessage() const { return m_message; }
    // The recipe path of the field the current error names; empty when valid or when the
    // error names no field of the form.
    QString errorField() const { return m_errorField; }

    // Files `llmos train` runs. Small, so read and written here; the write is atomic.
    bool saveTo(const QString &path, QString *error) const;
    bool loadFrom(const QString &path, QString *error);

    // Sets one option of the method ("target_modules") as if typed into its field; a null
    // value clears it back to the default.
    void setMethodOption(const std::string &key, const nlohmann::json &value);
    // Puts `widget` at the end of the method section (the picker of what trains).
    void addToMethodSection(QWidget *widget);
    // Scrolls the form so that `widget`, one of its own, is in view.
    void scrollTo(QWidget *widget);

    // Marks the field a copied run changes ("Duplicate this run and change one thing")
    // and scrolls to it; an empty path clears the mark.
    void setChangedFieldHighlight(const QString &path);

Q_SIGNALS:
    void recipeChanged();
    void validityChanged(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildSections(QWidget *content);
    void retranslate();
    void onEdited();
    void revalidate();
    void updateVisibility();
    std::string methodKind() const;
    bool isActive(const RecipeField &field) const;
    nlohmann::json buildDocument(std::vector<std::pair<RecipeFieldEditor *, QString>> &problems) const;
    void blame(const std::string &where, const std::string &detail);
    void showStatus();
    void showFileMessage(const QString &text, bool failed);
    void openWithDialog();
    void saveWithDialog();

    std::vector<RecipeFieldEditor *> m_editors; // catalog order
    std::map<std::string, RecipeFieldEditor *> m_editorByPath;
    std::map<RecipeSection, QGroupBox *> m_groups;
    std::map<RecipeSection, QGridLayout *> m_grids;
    QScrollArea *m_scroll = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_fileMessage = nullptr;
    QLabel *m_methodExtrasNote = nullptr;
    QLabel *m_status = nullptr;
    RecipeFieldEditor *m_highlighted = nullptr;

    nlohmann::json m_methodExtras = nlohmann::json::object(); // method options the catalog does not know
    nlohmann::json m_document;
    TrainingRecipe m_recipe;
    bool m_valid = false;
    bool m_validityKnown = false;
    QString m_message;
    QString m_errorField;
};

} // namespace llmos
