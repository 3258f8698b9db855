#pragma once

#include "models/modeldetails.h"
#include "models/modelfacets.h"
#include "models/modellist.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <string>

namespace llmos {

class ModelRegistry;

// The registry's reads and small writes for the window, on the one thread this object
// lives on (ModelLibrary's worker). It opens its own ModelRegistry there on first use,
// because a registry object belongs to the thread that opened it, and is deleted on
// that thread when it finishes. Every function runs on the worker thread and throws
// what the registry throws (RegistryDamaged when its database does not open for
// damage); ModelLibrary turns that into a signal.
class RegistryWorker : public QObject {
    Q_OBJECT
public:
    explicit RegistryWorker(std::string home);
    ~RegistryWorker() override;

    ModelList list(const ModelFilter &filter);
    ModelDetails details(const std::string &id);
    ModelFacets facets();
    void addTag(const std::string &id, const std::string &tag);
    void removeTag(const std::string &id, const std::string &tag);
    // Lets go of the database (after a rebuild replaced it); the next call reopens it.
    void close();
    // What the last open mended (see ModelRegistry::recovery()), once: empty when it
    // mended nothing or was already taken.
    QStringList takeRecoveryNotes();

private:
    ModelRegistry &registry();

    std::string m_home;
    std::unique_ptr<ModelRegistry> m_registry;
    QStringList m_recoveryNotes;
};

} // namespace llmos
