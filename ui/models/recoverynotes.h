#pragma once

#include "registry/registryreports.h"

#include <QCoreApplication>
#include <QStringList>

namespace llmos {

// What opening the registry mended after a process that died while writing
// (ModelRegistry::recovery()), in sentences for people; empty when it mended nothing.
// The window shows them in a notice, the command line on stderr: a person whose
// database was rebuilt from the manifests should know that it happened, and why.
class RecoveryNotes {
    Q_DECLARE_TR_FUNCTIONS(RecoveryNotes)
public:
    static QStringList describe(const RecoveryReport &report);
};

} // namespace llmos
