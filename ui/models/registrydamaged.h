#pragma once

#include <stdexcept>

namespace llmos {

// Thrown on the registry worker when the registry database does not open because it is
// damaged (Error(Format) from ModelRegistry): the window then offers to rebuild it from
// the manifests instead of only reporting the failure.
class RegistryDamaged : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace llmos
