#pragma once

#include "finetune/recipefields.h"

#include <nlohmann/json.hpp>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace llmos {

// The input of one catalog field, with its caption and the error under it: a text box
// for numbers and names (so an out-of-range value can be typed and then explained,
// rather than silently refused), a list for choices, a box to tick for switches and
// optional sections, a text box with "Browse…" for paths. Its input carries the field's
// path as object name ("optimizer.lr").
class RecipeFieldEditor : public QWidget {
    Q_OBJECT
public:
    explicit RecipeFieldEditor(const RecipeField &field, QWidget *parent = nullptr);

    const RecipeField &field() const { return m_field; }
    QLabel *caption() const { return m_caption; }
    QWidget *input() const;

    // null: the key is absent from the recipe, so the engine's default applies.
    void setValue(const nlohmann::json &value);
    // What to write: null leaves the key out (an empty text box, or a choice or switch
    // left at its default that the recipe did not name). Sets `error` when the text is
    // not a value of the field's type.
    nlohmann::json value(QString *error) const;

    // A message under the field and a red border; empty clears both.
    void setError(const QString &message);
    QString error() const { return m_errorText; }
    // Marks the field as the one changed from the run the recipe was copied from.
    void setChanged(bool changed);
    void retranslate();

Q_SIGNALS:
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void userEdited();
    void chooseFile(bool folder);
    void showBrowseMenu();
    void applyInputStyle();
    QString numberPlaceholder() const;

    const RecipeField &m_field;
    QLabel *m_caption = nullptr;
    QLineEdit *m_line = nullptr;
    QComboBox *m_combo = nullptr;
    QCheckBox *m_check = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_errorLabel = nullptr;
    QString m_errorText;
    // A choice or switch the recipe named (or the person set) is written even at its
    // default, so a loaded recipe keeps its keys.
    bool m_explicit = false;
    bool m_changed = false;
};

} // namespace llmos
