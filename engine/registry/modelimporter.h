#pragma once

#include "registry/importoptions.h"
#include "registry/modelrecord.h"

#include <string>

namespace llmos {

class RegistryState;
struct ImportPlan;

// One import, in the order that makes a crash at any point harmless:
//   1. plan: read and verify everything; nothing is written (a refusal ends here);
//   2. stage: copy each file into blobs/tmp/ while hashing it (or, in place, only hash
//      it) - no lock, so a long copy does not hold up other writers;
//   3. under the writer lock: move the copies to their content addresses, make the
//      model's folder of links, write its manifest, and insert all rows in one
//      transaction.
// Whatever a crash leaves before the commit has no row, and the next open's recovery
// removes it; a failure before the commit is undone at once.
class ModelImporter {
public:
    explicit ModelImporter(RegistryState &state);

    ModelRecord run(const std::string &path, const ImportOptions &options);

private:
    RegistryState &m_state;
};

} // namespace llmos
