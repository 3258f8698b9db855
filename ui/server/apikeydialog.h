#pragma once

#include "settings/serversettings.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace llmos {

// A new API key: the key a client sends, and what the window keeps of it (its digest).
struct NewApiKey {
    QString key; // "sk-llmos-" and 32 URL-safe characters from the system's random source
    StoredApiKey stored;
};
NewApiKey makeApiKey(const QString &name, bool management);

// Makes an API key in two steps: a name and what it may do, then the key itself, shown
// this once with a Copy button (only its digest is kept, so it cannot be shown again).
class ApiKeyDialog : public QDialog {
    Q_OBJECT
public:
    ApiKeyDialog(const QString &suggestedName, QWidget *parent = nullptr);

    // After the key was made: what to store.
    const StoredApiKey &stored() const { return m_made.stored; }
    QString key() const { return m_made.key; }

private:
    void create();

    QStackedWidget *m_steps = nullptr;
    QLineEdit *m_name = nullptr;
    QRadioButton *m_inference = nullptr;
    QRadioButton *m_management = nullptr;
    QLineEdit *m_key = nullptr;
    QPushButton *m_create = nullptr;
    NewApiKey m_made;
};

} // namespace llmos
